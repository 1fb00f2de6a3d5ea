import type { RouterOutputs } from "@hearth/api";
import { Link, useNavigate } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { ConversationFiles } from "../attachments/conversation-files";
import { useOnReconnect } from "../connection/use-on-reconnect";
import { useDateStyle } from "../dates/date-style";
import { ScheduledList } from "../scheduled/scheduled-list";
import { searchHref } from "../search/search-params";
import { NoteBubble, type TeamNote } from "../team/note-bubble";
import { NoteComposer } from "../team/note-composer";
import { PresenceLine } from "../team/presence-line";
import { TeamBar } from "../team/team-bar";
import { useAnnouncePresence } from "../team/use-presence";
import { trpc } from "../trpc";
import { Composer, type ComposerValue, type SendOptions, type SendOutcome } from "./composer";
import { draftKey } from "./draft-store";
import { dayKey, dayLabel, kindLabels, mediumDate } from "./format";
import { MessageBubble, PendingBubble, type PendingMessage } from "./message-bubble";
import { NewerMessagesBar, useScrollToMessage } from "./open-at-message";
import { ParticipantDetails } from "./participant-details";
import { PrivateReply } from "./private-reply";
import { seenByMark } from "./seen-by";
import { isPolicyRefusal, sendFailureOf } from "./send-failure";
import { runStarts } from "./sender-runs";
import { usePolicy, useViewerId } from "./viewer";

type ConversationOutput = RouterOutputs["conversations"]["get"];
type PageOutput = RouterOutputs["conversations"]["messages"];
type ThreadMessage = PageOutput["messages"][number];
/** What the thread shows in time order: messages, and for the team its internal notes. */
type ThreadEntry = { kind: "message"; message: ThreadMessage } | { kind: "note"; note: TeamNote };

function entryTime(entry: ThreadEntry): number {
  return new Date(
    entry.kind === "message" ? entry.message.createdAt : entry.note.createdAt,
  ).getTime();
}

function newClientId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * A conversation: header with details, the history (older pages load at the top), and the
 * composer or, where the policy refuses replies, its reason. The list is a column-reverse scroller,
 * so it stays anchored at the newest message and nothing jumps when messages arrive.
 */
/** A message on its way: what the composer gave, and how far it got. */
type OutgoingMessage = PendingMessage & ComposerValue & SendOptions & { attachmentIds: string[] };

export function ThreadView({
  conversation: initialConversation,
  firstPage,
  backTo,
  nextClientId,
  openAt = null,
}: {
  conversation: ConversationOutput;
  firstPage: PageOutput;
  backTo: string;
  nextClientId: string;
  /** Open at this message instead of the newest, and mark it (a search hit). */
  openAt?: number | null;
}) {
  const id = initialConversation.id;
  const utils = trpc.useUtils();
  const conversation =
    trpc.conversations.get.useQuery({ id }, { initialData: initialConversation }).data ??
    initialConversation;
  const pages = trpc.conversations.messages.useInfiniteQuery(
    openAt === null ? { id } : { id, around: openAt },
    {
      initialData: { pages: [firstPage], pageParams: [null] },
      getNextPageParam: (page) => page.olderCursor ?? undefined,
      staleTime: 1_000,
    },
  );
  const messages = useMemo(
    () =>
      [...(pages.data?.pages ?? [firstPage])]
        .reverse()
        .flatMap((p) => p.messages)
        // The viewer's scheduled messages are listed above the composer until they go.
        .filter((m) => m.sentAt !== null),
    [pages.data, firstPage],
  );
  const [pending, setPending] = useState<OutgoingMessage[]>([]);
  const [clientId, setClientId] = useState(nextClientId);
  const [showDetails, setShowDetails] = useState(false);
  const [showFiles, setShowFiles] = useState(false);
  const [writingNote, setWritingNote] = useState(false);
  const team = conversation.team;
  const notes = trpc.team.notes.useQuery({ id }, { enabled: team !== null }).data;
  const onTyping = useAnnouncePresence(id, team !== null);
  const [scheduleError, setScheduleError] = useState<string | null>(null);
  const threadPath = `${backTo}/${id}`;
  const newerCursor = (pages.data?.pages[0] ?? firstPage).newerCursor;
  const navigate = useNavigate();
  useScrollToMessage(
    openAt,
    messages.some((m) => m.id === openAt),
  );
  const refresh = () =>
    Promise.all([
      utils.conversations.messages.invalidate({ id }),
      utils.conversations.list.invalidate(),
      utils.conversations.unreadTotal.invalidate(),
    ]);

  const send = trpc.conversations.send.useMutation();
  const scheduleSend = trpc.scheduled.create.useMutation({
    onSuccess: () => utils.scheduled.list.invalidate(),
  });
  const markRead = trpc.conversations.markRead.useMutation();
  const edit = trpc.conversations.edit.useMutation({ onSuccess: refresh });
  const remove = trpc.conversations.delete.useMutation({ onSuccess: refresh });
  const archive = trpc.conversations.archive.useMutation({
    onSuccess: () => Promise.all([refresh(), utils.conversations.get.invalidate({ id })]),
  });

  const updatePending = (clientId: string, change: Partial<PendingMessage>) =>
    setPending((list) => list.map((p) => (p.clientId === clientId ? { ...p, ...change } : p)));

  /** Sends one message; a refusal is shown on it with the policy's reason, and what the user may do is fetched again. */
  const deliver = (item: OutgoingMessage): Promise<SendOutcome> => {
    updatePending(item.clientId, { state: "sending" });
    return send
      .mutateAsync({
        conversationId: id,
        clientId: item.clientId,
        body: item.body,
        type: item.type,
        priority: item.priority,
        attachmentIds: item.attachmentIds,
        copyToEmail: item.copyToEmail,
      })
      .then(async (): Promise<SendOutcome> => {
        await refresh();
        setPending((list) => list.filter((p) => p.clientId !== item.clientId));
        return "sent";
      })
      .catch((error: unknown): SendOutcome => {
        const failure = sendFailureOf(error);
        updatePending(item.clientId, {
          state: failure.kind === "refused" ? "refused" : "failed",
          reason: failure.reason,
        });
        if (isPolicyRefusal(error)) {
          // The rules changed under the open page: the composer, the list's channels and its
          // New message button are drawn again from the policy as it is now.
          void utils.conversations.get.invalidate({ id });
          void utils.conversations.list.invalidate();
          void utils.policy.capabilities.invalidate();
        }
        return "kept";
      });
  };

  // Messages that failed on the way (not refused) go again once the browser is back online.
  useOnReconnect(() => {
    for (const item of pending) if (item.state === "failed") void deliver(item);
  });

  const newest = messages.at(-1)?.id ?? 0;
  const lastMarked = useRef(conversation.lastReadMessageId);
  useEffect(() => {
    if (newest > lastMarked.current && document.visibilityState === "visible") {
      lastMarked.current = newest;
      markRead.mutate(
        { id, upToMessageId: newest },
        {
          onSuccess: () =>
            Promise.all([
              utils.conversations.list.invalidate(),
              utils.conversations.unreadTotal.invalidate(),
            ]),
        },
      );
    }
  }, [newest, id, markRead, utils]);

  const reply = conversation.capabilities.reply;
  const privateReply = conversation.capabilities.replyPrivately;
  const { vocabulary } = usePolicy();
  const viewerId = useViewerId();
  // Managers read a message's delivery log (per recipient and channel) from its actions.
  const managerView = conversation.participants.some(
    (p) => p.id === viewerId && p.kind === "manager",
  );
  const dates = useDateStyle(conversation.timeZone);
  const seen = seenByMark(messages, (pages.data?.pages[0] ?? firstPage).readers, (at) =>
    new Date(at).toLocaleString(dates.locale, { timeZone: dates.timeZone }),
  );
  const showsSender = runStarts(messages);
  const indexOf = new Map(messages.map((message, index) => [message.id, index]));
  // Notes older than the oldest loaded message wait, like those messages, for "Load older".
  const oldestShown = pages.hasNextPage ? messages[0]?.createdAt : undefined;
  const timeline: ThreadEntry[] = [
    ...messages.map((message) => ({ kind: "message" as const, message })),
    ...(notes ?? [])
      .filter((note) => oldestShown === undefined || note.createdAt >= oldestShown)
      .map((note) => ({ kind: "note" as const, note })),
  ].sort((a, b) => entryTime(a) - entryTime(b));
  const grouped: { day: string; label: string; entries: ThreadEntry[]; firstMessage?: number }[] =
    [];
  for (const entry of timeline) {
    const at = entry.kind === "message" ? entry.message.createdAt : entry.note.createdAt;
    const day = dayKey(at, dates.timeZone);
    let group = grouped.at(-1);
    if (group?.day !== day) {
      group = { day, label: dayLabel(at, dates), entries: [] };
      grouped.push(group);
    }
    group.entries.push(entry);
    if (entry.kind === "message") group.firstMessage ??= entry.message.id;
  }

  return (
    <section
      className="flex h-full min-h-0 flex-col"
      aria-label={`Conversation: ${conversation.displayTitle}`}
      data-conversation-id={conversation.id}
    >
      {/* Where the actions don't fit beside the title (a phone), they wrap under it. */}
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-white px-4 py-3">
        <Link
          to={backTo}
          className="rounded px-2 py-1 text-sm text-brand-700 hover:bg-slate-100 md:hidden"
          aria-label="Back to conversations"
        >
          ←
        </Link>
        <div className="min-w-0 flex-1 basis-48">
          <h2 className="truncate font-semibold text-slate-900">{conversation.displayTitle}</h2>
          <p className="truncate text-xs text-slate-500">
            {kindLabels[conversation.kind]} ·{" "}
            {conversation.kind === "broadcast"
              ? "Recipients don't see each other"
              : conversation.participants.map((p) => p.name).join(", ")}
          </p>
        </div>
        {conversation.details ? (
          <button
            type="button"
            onClick={() => setShowDetails((v) => !v)}
            aria-expanded={showDetails}
            className="rounded-lg px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {conversation.details.length > 1
              ? "Group details"
              : conversation.participants.some((p) => p.kind === "resident")
                ? vocabulary.personInfo
                : "Details"}
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => setShowFiles((v) => !v)}
          aria-expanded={showFiles}
          aria-label="View files"
          className="rounded-lg px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
        >
          <span className="sm:hidden">Files</span>
          <span className="hidden sm:inline">View files</span>
        </button>
        <Link
          to={searchHref({ conversationId: id })}
          className="rounded-lg px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
        >
          Search<span className="sr-only"> in this conversation</span>
        </Link>
        <button
          type="button"
          onClick={() => archive.mutate({ id, archived: !conversation.archivedAt })}
          data-shortcut="archive"
          className="rounded-lg px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
        >
          {conversation.archivedAt ? "Unarchive" : "Archive"}
        </button>
      </header>
      {team ? <TeamBar conversationId={id} team={team} viewerId={viewerId} /> : null}
      {conversation.expiresAt && dates.now && new Date(conversation.expiresAt) <= dates.now ? (
        <p
          role="note"
          className="border-b border-slate-200 bg-slate-100 px-4 py-2 text-sm text-slate-700"
        >
          This announcement expired on {mediumDate(conversation.expiresAt, dates)}.
        </p>
      ) : null}
      <div className="relative flex min-h-0 flex-1">
        <div className="flex min-w-0 flex-1 flex-col">
          <div
            className="flex flex-1 flex-col-reverse overflow-y-auto bg-slate-50 px-4 py-3"
            aria-live="polite"
            aria-relevant="additions"
          >
            <div>
              {pages.hasNextPage ? (
                <div className="mb-3 text-center">
                  <button
                    type="button"
                    onClick={() => void pages.fetchNextPage()}
                    disabled={pages.isFetchingNextPage}
                    className="rounded-full px-3 py-1 text-xs text-brand-700 ring-1 ring-slate-300 hover:bg-white"
                  >
                    {pages.isFetchingNextPage ? "Loading…" : "Load older messages"}
                  </button>
                </div>
              ) : null}
              {messages.length === 0 && pending.length === 0 ? (
                <p className="py-10 text-center text-sm text-slate-500">
                  No messages yet. Say hello!
                </p>
              ) : null}
              {grouped.map((group) => (
                <div key={group.day}>
                  <div className="my-3 flex items-center gap-3 text-xs text-slate-500">
                    <span className="h-px flex-1 bg-slate-200" />
                    {group.label}
                    <span className="h-px flex-1 bg-slate-200" />
                  </div>
                  <ul className="space-y-2">
                    {group.entries.map((entry) => {
                      if (entry.kind === "note")
                        return (
                          <NoteBubble
                            key={`note-${entry.note.id}`}
                            note={entry.note}
                            dates={dates}
                          />
                        );
                      const message = entry.message;
                      return (
                        <MessageBubble
                          key={message.id}
                          message={message}
                          timeZone={dates}
                          marked={message.id === openAt}
                          showSender={
                            showsSender[indexOf.get(message.id) ?? 0] === true ||
                            group.firstMessage === message.id
                          }
                          receipt={
                            seen?.messageId === message.id
                              ? { label: seen.label, detail: seen.detail }
                              : null
                          }
                          onEdit={(messageId, body) => edit.mutateAsync({ messageId, body })}
                          onDelete={(messageId) => remove.mutateAsync({ messageId })}
                          deliveryLog={managerView}
                        />
                      );
                    })}
                  </ul>
                </div>
              ))}
              {newerCursor !== null ? (
                <NewerMessagesBar threadPath={threadPath} newerCursor={newerCursor} />
              ) : null}
              {pending.length ? (
                <ul className="mt-2 space-y-2">
                  {pending.map((item) => (
                    <PendingBubble
                      key={item.clientId}
                      pending={item}
                      onRetry={() => void deliver(item)}
                    />
                  ))}
                </ul>
              ) : null}
            </div>
          </div>
          <div className="max-h-48 overflow-y-auto border-t border-slate-200 bg-white px-3 empty:hidden [&>section]:py-2">
            <ScheduledList conversationId={id} organizationTimeZone={conversation.timeZone} />
          </div>
          {scheduleError ? (
            <p
              role="alert"
              className="border-t border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800"
            >
              Not scheduled: {scheduleError}
            </p>
          ) : null}
          <PresenceLine conversationId={id} />
          {team ? (
            <fieldset className="flex gap-1 border-t border-slate-200 bg-white px-3 pt-2 text-sm">
              <legend className="sr-only">Write</legend>
              {(
                [
                  [false, "Reply"],
                  [true, "Internal note"],
                ] as const
              ).map(([note, label]) => (
                <button
                  key={label}
                  type="button"
                  aria-pressed={writingNote === note}
                  onClick={() => setWritingNote(note)}
                  className={`rounded-full px-3 py-1 ${writingNote === note ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {label}
                </button>
              ))}
            </fieldset>
          ) : null}
          {team && writingNote ? (
            <NoteComposer conversationId={id} onTyping={onTyping} />
          ) : reply?.allowed ? (
            <div onInput={onTyping} className="contents">
              <Composer
                mentionsFor={id}
                templatesFor={conversation.capabilities.useTemplates?.allowed ? id : undefined}
                schedule={
                  conversation.capabilities.scheduleSend?.allowed
                    ? {
                        organizationTimeZone: conversation.timeZone,
                        onSchedule: (value, sendAt) => {
                          const scheduledClientId = clientId;
                          setClientId(newClientId());
                          return scheduleSend
                            .mutateAsync({
                              conversationId: id,
                              clientId: scheduledClientId,
                              ...value,
                              sendAt,
                            })
                            .then(
                              (): SendOutcome => {
                                setScheduleError(null);
                                return "sent";
                              },
                              (error: unknown): SendOutcome => {
                                setScheduleError(sendFailureOf(error).reason);
                                return "restore";
                              },
                            );
                        },
                      }
                    : undefined
                }
                clientId={clientId}
                draftKey={draftKey(viewerId, id)}
                canMarkPriority={conversation.composer.markPriority}
                messageTypes={conversation.composer.messageTypes}
                attachments={
                  conversation.composer.attachFile.allowed
                    ? conversation.composer.attachFile.limits
                    : undefined
                }
                canCopyToEmail={conversation.capabilities.copyToEmail}
                onSend={(value, attachmentIds, options) => {
                  const item = {
                    ...value,
                    ...options,
                    attachmentIds,
                    clientId,
                    state: "sending" as const,
                  };
                  setPending((list) => [...list, item]);
                  setClientId(newClientId());
                  // A thread opened at an older message shows the sent one where it lands: the latest.
                  if (newerCursor !== null) navigate(threadPath);
                  return deliver(item);
                }}
              />
            </div>
          ) : privateReply?.allowed ? (
            <PrivateReply announcementId={id} note={privateReply.reason} backTo={backTo} />
          ) : (
            <p
              className="border-t border-slate-200 bg-white px-4 py-3 text-sm text-slate-600"
              role="note"
            >
              {reply?.reason ?? "Replies are not available here."}
            </p>
          )}
        </div>
        {showFiles ? (
          <ConversationFiles
            conversationId={id}
            timeZone={conversation.timeZone}
            onClose={() => setShowFiles(false)}
          />
        ) : null}
        {showDetails && conversation.details ? (
          <ParticipantDetails people={conversation.details} onClose={() => setShowDetails(false)} />
        ) : null}
      </div>
    </section>
  );
}
