/** A message's delivery log for managers: per recipient and channel, what became of it. */
import { trpc } from "../trpc";

const channelNames = { in_app: "In-app", email: "Email", push: "Push", sms: "SMS" } as const;
const statusNames = {
  queued: "Queued",
  sent: "Sent",
  failed: "Failed",
  cancelled: "Cancelled",
  opened: "Opened",
  skipped: "Not sent",
} as const;

export function DeliveryLog({ messageId }: { messageId: number }) {
  const log = trpc.sms.deliveries.useQuery({ messageId });
  if (log.isPending) return <p className="text-xs text-slate-500">Loading delivery…</p>;
  if (log.error) return <p className="text-xs text-red-700">{log.error.message}</p>;
  if (log.data.length === 0) return <p className="text-xs text-slate-500">No recipients.</p>;
  return (
    <table className="mt-1 w-full min-w-[16rem] text-left text-xs text-slate-700">
      <caption className="sr-only">Delivery of this message</caption>
      <thead>
        <tr className="text-slate-500">
          <th scope="col" className="pr-3 font-medium">
            Recipient
          </th>
          <th scope="col" className="pr-3 font-medium">
            Channel
          </th>
          <th scope="col" className="font-medium">
            Status
          </th>
        </tr>
      </thead>
      <tbody>
        {log.data.flatMap((person) =>
          person.attempts.map((attempt) => (
            <tr key={`${person.userId}-${attempt.channel}-${attempt.status}-${attempt.detail}`}>
              <td className="pr-3">{attempt === person.attempts[0] ? person.name : ""}</td>
              <td className="pr-3">{channelNames[attempt.channel]}</td>
              <td title={attempt.detail ?? undefined}>
                {statusNames[attempt.status]}
                {attempt.attempts > 1 ? ` after ${attempt.attempts} tries` : ""}
                {attempt.detail ? ` · ${attempt.detail}` : ""}
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
