/**
 * Which messages start a run of consecutive messages by the same sender, the place the sender's
 * name is shown. A null sender is the organization itself (a broadcast "from the space").
 */
export function runStarts(messages: readonly { senderId: string | null }[]): boolean[] {
  return messages.map(
    (message, index) => index === 0 || messages[index - 1]?.senderId !== message.senderId,
  );
}
