import { randomUUID } from "node:crypto";
import {
  Alert,
  AnnouncementPinFields,
  BroadcastScheduleField,
  Button,
  EmptyState,
  PageHeader,
  trpc,
} from "@hearth/ui";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { SentAnnouncements } from "~/announcements/sent-list";
import { problemOf, requireManagerUser, rethrowAsResponse } from "~/shared.server";

export const meta: MetaFunction = () => [{ title: "Broadcasts · Hearth" }];

type AudienceType = "all" | "filtered" | "specific";
type LeaseStatus = "active" | "future" | "expired" | "none";
type MemberStatus = "active" | "inactive";
type MessageType =
  | "general"
  | "maintenance"
  | "payment_reminder"
  | "lease"
  | "event"
  | "document_request";

const audienceLabels: Record<AudienceType, string> = {
  all: "All contacts",
  filtered: "Filtered group of contacts",
  specific: "Specific contacts",
};
const leaseStatusLabels: Record<LeaseStatus, string> = {
  active: "Active lease",
  future: "Future lease",
  expired: "Expired lease",
  none: "No lease",
};
const memberStatusLabels: Record<MemberStatus, string> = {
  active: "Active",
  inactive: "Inactive",
};
const typeLabels: Record<MessageType, string> = {
  general: "General",
  maintenance: "Maintenance",
  payment_reminder: "Payment reminder",
  lease: "Lease",
  event: "Event",
  document_request: "Document request",
};

/** The audience a form describes; one value per filter ("" is any). */
interface AudienceForm {
  type: AudienceType;
  propertyId: string;
  leaseStatus: string;
  plan: string;
  memberStatus: string;
  userIds: string[];
}

function audienceOf(f: AudienceForm) {
  if (f.type === "specific") return { type: "specific" as const, userIds: f.userIds };
  if (f.type === "filtered") {
    const leaseStatus = Object.keys(leaseStatusLabels).find((s) => s === f.leaseStatus) as
      | LeaseStatus
      | undefined;
    const memberStatus = Object.keys(memberStatusLabels).find((s) => s === f.memberStatus) as
      | MemberStatus
      | undefined;
    return {
      type: "filtered" as const,
      filters: {
        ...(f.propertyId ? { propertyIds: [f.propertyId] } : {}),
        ...(leaseStatus ? { leaseStatuses: [leaseStatus] } : {}),
        ...(f.plan ? { plans: [f.plan] } : {}),
        ...(memberStatus ? { memberStatuses: [memberStatus] } : {}),
      },
    };
  }
  return { type: "all" as const };
}

function readAudience(form: FormData): AudienceForm {
  const type = String(form.get("audience") ?? "all");
  return {
    type: type === "filtered" || type === "specific" ? type : "all",
    propertyId: String(form.get("propertyId") ?? ""),
    leaseStatus: String(form.get("leaseStatus") ?? ""),
    plan: String(form.get("plan") ?? ""),
    memberStatus: String(form.get("memberStatus") ?? ""),
    userIds: form.getAll("userIds").map(String),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, organization, headers } = await requireManagerUser(request);
  const [composer, sent, policy] = await Promise.all([
    api.broadcasts.composer(),
    api.broadcasts.sent(),
    api.policy.capabilities(),
  ]).catch(rethrowAsResponse);
  return data(
    {
      composer,
      sent: sent.rows,
      canSchedule: policy.capabilities.scheduleSend?.allowed === true,
      timeZone: organization?.timezone ?? "UTC",
      clientId: randomUUID(),
    },
    { headers },
  );
}

/** An ISO instant the form posted (a hidden field the browser fills); absent or not a time: none. */
function instantOf(form: FormData, name: string): Date | undefined {
  const value = String(form.get(name) ?? "");
  const at = new Date(value);
  return value === "" || Number.isNaN(at.getTime()) ? undefined : at;
}

/** "Unpin" in the sent list: the announcement stays, its pin ends now (its expiry is kept). */
async function unpin(request: Request, form: FormData) {
  const { api, headers } = await requireManagerUser(request);
  try {
    await api.broadcasts.setPins({
      conversationId: String(form.get("conversationId") ?? ""),
      pinUntil: null,
      expiresAt: instantOf(form, "expiresAt") ?? null,
    });
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    throw data({ message: problem.body.message }, { status: problem.status, headers });
  }
  return redirect("/broadcasts", { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireManagerUser(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "unpin") return unpin(request, form);
  if (intent !== "preview" && intent !== "send" && intent !== "schedule")
    throw data({ message: "Unknown action." }, { status: 400 });
  const audienceForm = readAudience(form);
  const audience = audienceOf(audienceForm);
  const submitted = {
    audience: audienceForm,
    body: String(form.get("body") ?? ""),
    type: String(form.get("type") ?? "general"),
    copyToEmail: form.get("copyToEmail") === "on",
  };
  try {
    if (intent === "preview") {
      const preview = await api.broadcasts.preview({ audience });
      return data(
        {
          intent,
          ok: true as const,
          preview,
          sent: null,
          scheduled: null,
          message: null,
          fieldErrors: {},
          submitted,
        },
        { headers },
      );
    }
    const draft = {
      audience,
      clientId: String(form.get("clientId") ?? ""),
      body: submitted.body,
      type: (Object.keys(typeLabels).find((t) => t === submitted.type) ?? "general") as MessageType,
      copyToEmail: submitted.copyToEmail,
    };
    const pins = { pinUntil: instantOf(form, "pinUntil"), expiresAt: instantOf(form, "expiresAt") };
    if (intent === "schedule" && (pins.pinUntil || pins.expiresAt))
      return data(
        {
          intent,
          ok: false as const,
          preview: null,
          sent: null,
          scheduled: null,
          message: "Pins and expiry apply to announcements sent now.",
          fieldErrors: { pinUntil: ["Send it now to pin it, or leave these empty."] },
          submitted,
        },
        { status: 400, headers },
      );
    if (intent === "schedule") {
      const sendAt = new Date(String(form.get("sendAt") ?? ""));
      if (Number.isNaN(sendAt.getTime()))
        return data(
          {
            intent,
            ok: false as const,
            preview: null,
            sent: null,
            scheduled: null,
            message: "Choose when the broadcast goes.",
            fieldErrors: { sendAt: ["Choose a date and time"] },
            submitted,
          },
          { status: 400, headers },
        );
      const scheduled = await api.broadcasts.schedule({ ...draft, sendAt });
      return data(
        {
          intent,
          ok: true as const,
          preview: null,
          sent: null,
          scheduled: { ...scheduled, sendAt },
          message: null,
          fieldErrors: {},
          submitted: { ...submitted, body: "" },
        },
        { headers },
      );
    }
    const sent = await api.broadcasts.send({
      ...draft,
      ...(pins.pinUntil ? { pinUntil: pins.pinUntil } : {}),
      ...(pins.expiresAt ? { expiresAt: pins.expiresAt } : {}),
    });
    return data(
      {
        intent,
        ok: true as const,
        preview: null,
        sent,
        scheduled: null,
        message: null,
        fieldErrors: {},
        submitted: { ...submitted, body: "" },
      },
      { headers },
    );
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return data(
      {
        intent,
        ok: false as const,
        preview: null,
        sent: null,
        scheduled: null,
        ...problem.body,
        submitted,
      },
      { status: problem.status, headers },
    );
  }
}

/** True once React runs in the browser: the live count and showing one audience at a time. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function Select({
  label,
  name,
  value,
  onChange,
  children,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={`field-${name}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={`field-${name}`}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        {children}
      </select>
    </div>
  );
}

export default function Broadcasts() {
  const { composer, clientId, sent, timeZone, canSchedule } = useLoaderData<typeof loader>();
  return (
    <>
      {composer.compose ? (
        <Composer
          compose={composer.compose}
          organizationName={composer.organizationName}
          clientId={clientId}
          canSchedule={canSchedule}
          timeZone={timeZone}
        />
      ) : (
        <>
          <PageHeader title="Broadcasts" />
          <EmptyState title="Broadcasts aren't available">
            <p>{composer.can.reason}</p>
            {composer.remedy ? (
              <p className="mt-2 font-medium text-slate-800">{composer.remedy.sentence}</p>
            ) : null}
          </EmptyState>
        </>
      )}
      <SentAnnouncements rows={sent} timeZone={timeZone} />
    </>
  );
}

type Compose = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["composer"]["compose"]>;

function Composer({
  compose,
  organizationName,
  clientId,
  canSchedule,
  timeZone,
}: {
  compose: Compose;
  organizationName: string;
  clientId: string;
  /** The profile lets this manager schedule (seed 000): "Send at" and "Schedule broadcast". */
  canSchedule: boolean;
  /** The organization's time zone, shown beside the sender's own for a scheduled time. */
  timeZone: string;
}) {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const allowedTypes = (Object.keys(audienceLabels) as AudienceType[]).filter(
    (t) => compose.audiences[t].allowed,
  );
  const [form, setForm] = useState<AudienceForm>(
    () =>
      result?.submitted.audience ?? {
        type: allowedTypes[0] ?? "all",
        propertyId: "",
        leaseStatus: "",
        plan: "",
        memberStatus: "",
        userIds: [],
      },
  );
  const set = (patch: Partial<AudienceForm>) => setForm((f) => ({ ...f, ...patch }));
  const audience = useMemo(() => audienceOf(form), [form]);
  const live = trpc.broadcasts.preview.useQuery(
    { audience },
    { enabled: hydrated, placeholderData: (previous) => previous },
  );
  const preview = live.data ?? (result?.preview && !hydrated ? result.preview : null);

  const sentId = result?.sent?.conversationId ?? result?.scheduled?.id ?? null;
  useEffect(() => {
    // A new message starts empty; the audience stays for the next one.
    const body = formRef.current?.querySelector<HTMLTextAreaElement>("textarea[name=body]");
    if (sentId && body) body.value = "";
  }, [sentId]);

  const fieldErrors: Record<string, string[] | undefined> =
    result && !result.ok ? result.fieldErrors : {};
  const shows = (type: AudienceType) => !hydrated || form.type === type;
  const refused = preview && !preview.decision.allowed ? preview.decision : null;

  return (
    <>
      <PageHeader
        title="Broadcasts"
        description={`${
          compose.sender === "organization"
            ? `Send a message from ${organizationName} to your contacts.`
            : "Send a message to several contacts at once."
        } Recipients don't see each other${
          compose.noReply ? "." : "; an answer opens a private conversation with you."
        }`}
      />
      <Form
        method="post"
        ref={formRef}
        noValidate
        className="grid gap-6 lg:grid-cols-3"
        aria-label="New broadcast"
      >
        <input type="hidden" name="clientId" value={clientId} />
        <section
          aria-labelledby="to-heading"
          className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:col-span-2"
        >
          {result?.sent ? (
            <Alert tone="info">
              {result.sent.created ? "Sent" : "Already sent"} to {result.sent.recipientCount}{" "}
              {result.sent.recipientCount === 1 ? "person" : "people"}
              {result.sent.emailed
                ? `; ${result.sent.emailed} email ${result.sent.emailed === 1 ? "copy is" : "copies are"} on the way`
                : ""}
              .{" "}
              <Link to={`/inbox/${result.sent.conversationId}`} className="font-semibold underline">
                View the message
              </Link>
            </Alert>
          ) : null}
          {result?.scheduled ? (
            <Alert tone="info">
              {result.scheduled.created ? "Scheduled" : "Already scheduled"}. It goes at its time to
              whoever the audience reaches then.{" "}
              <Link to="/scheduled" className="font-semibold underline">
                See, change or cancel it
              </Link>
            </Alert>
          ) : null}
          {result && !result.ok && result.message ? <Alert>{result.message}</Alert> : null}
          <fieldset>
            <legend id="to-heading" className="text-lg font-semibold text-slate-900">
              To
            </legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {(Object.keys(audienceLabels) as AudienceType[]).map((type) => {
                const decision = compose.audiences[type];
                return (
                  <label
                    key={type}
                    className={`flex items-start gap-2 rounded-lg border px-3 py-2 text-sm ${
                      form.type === type ? "border-brand-500 bg-brand-50" : "border-slate-300"
                    } ${decision.allowed ? "cursor-pointer" : "opacity-60"}`}
                  >
                    <input
                      type="radio"
                      name="audience"
                      value={type}
                      checked={form.type === type}
                      disabled={!decision.allowed}
                      onChange={() => set({ type })}
                      className="mt-0.5"
                    />
                    <span>
                      <span className="font-medium text-slate-900">{audienceLabels[type]}</span>
                      {decision.allowed ? null : (
                        <span className="block text-xs text-slate-600">{decision.reason}</span>
                      )}
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>

          {compose.audiences.filtered.allowed && shows("filtered") ? (
            <fieldset className="space-y-3 rounded-lg bg-slate-50 p-3">
              <legend className="sr-only">Filters</legend>
              {hydrated ? null : (
                <p className="text-xs text-slate-500">Used with "Filtered group of contacts".</p>
              )}
              <div className="grid gap-3 sm:grid-cols-2">
                {compose.filters.property ? (
                  <Select
                    label="Location"
                    name="propertyId"
                    value={form.propertyId}
                    onChange={(propertyId) => set({ propertyId })}
                  >
                    <option value="">Any location</option>
                    {compose.properties.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </Select>
                ) : null}
                {compose.filters.lease_status ? (
                  <Select
                    label="Lease status"
                    name="leaseStatus"
                    value={form.leaseStatus}
                    onChange={(leaseStatus) => set({ leaseStatus })}
                  >
                    <option value="">Any lease status</option>
                    {(Object.keys(leaseStatusLabels) as LeaseStatus[]).map((s) => (
                      <option key={s} value={s}>
                        {leaseStatusLabels[s]}
                      </option>
                    ))}
                  </Select>
                ) : null}
                {compose.filters.member_status ? (
                  <Select
                    label="Status"
                    name="memberStatus"
                    value={form.memberStatus}
                    onChange={(memberStatus) => set({ memberStatus })}
                  >
                    <option value="">Any status</option>
                    {(Object.keys(memberStatusLabels) as MemberStatus[]).map((s) => (
                      <option key={s} value={s}>
                        {memberStatusLabels[s]}
                      </option>
                    ))}
                  </Select>
                ) : null}
                {compose.filters.plan ? (
                  <Select
                    label="Plan"
                    name="plan"
                    value={form.plan}
                    onChange={(plan) => set({ plan })}
                  >
                    <option value="">Any plan</option>
                    {compose.plans.map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </Select>
                ) : null}
              </div>
            </fieldset>
          ) : null}

          {compose.audiences.specific.allowed && shows("specific") ? (
            <fieldset className="rounded-lg bg-slate-50 p-3">
              <legend className="text-sm font-medium text-slate-700">
                Contacts
                {hydrated ? null : (
                  <span className="font-normal text-slate-500">
                    {" "}
                    (used with "Specific contacts")
                  </span>
                )}
              </legend>
              {compose.people.length === 0 ? (
                <p className="mt-1 text-sm text-slate-600">No contacts can receive broadcasts.</p>
              ) : (
                <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto pr-1">
                  {compose.people.map((person) => (
                    <li key={person.id}>
                      <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm text-slate-800 hover:bg-white">
                        <input
                          type="checkbox"
                          name="userIds"
                          value={person.id}
                          checked={form.userIds.includes(person.id)}
                          onChange={(e) =>
                            set({
                              userIds: e.target.checked
                                ? [...form.userIds, person.id]
                                : form.userIds.filter((id) => id !== person.id),
                            })
                          }
                        />
                        {person.name}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
          ) : null}

          <div className="space-y-1">
            <label htmlFor="field-body" className="block text-sm font-medium text-slate-700">
              Message
            </label>
            <textarea
              id="field-body"
              name="body"
              rows={6}
              required
              defaultValue={result && !result.ok ? result.submitted.body : undefined}
              aria-invalid={fieldErrors.body ? true : undefined}
              aria-describedby={fieldErrors.body ? "field-body-error" : undefined}
              className={`block w-full rounded-lg border px-3 py-2 text-slate-900 shadow-sm outline-none focus:ring-2 focus:ring-brand-500 ${
                fieldErrors.body ? "border-red-500" : "border-slate-300"
              }`}
            />
            {fieldErrors.body ? (
              <p id="field-body-error" className="text-sm text-red-600">
                {fieldErrors.body.join(" ")}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap items-end gap-4">
            {compose.messageTypes.length > 1 ? (
              <div className="w-56 space-y-1">
                <label htmlFor="field-type" className="block text-sm font-medium text-slate-700">
                  Type
                </label>
                <select
                  id="field-type"
                  name="type"
                  defaultValue={result?.submitted.type ?? "general"}
                  className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
                >
                  {compose.messageTypes.map((t) => (
                    <option key={t} value={t}>
                      {typeLabels[t]}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <input type="hidden" name="type" value="general" />
            )}
            {compose.copyToEmail.allowed ? (
              <label className="flex items-center gap-2 py-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="copyToEmail"
                  defaultChecked={result?.submitted.copyToEmail ?? false}
                />
                Also send as email
              </label>
            ) : null}
          </div>
          {compose.noReply ? (
            <p className="text-xs text-slate-500">
              {compose.sender === "organization"
                ? `Comes from ${organizationName}, not from you, and can't be replied to in the portal.`
                : "Recipients can't reply to it in the portal."}
            </p>
          ) : null}
        </section>

        <aside
          aria-labelledby="reach-heading"
          className="h-fit space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="reach-heading" className="text-lg font-semibold text-slate-900">
            Recipients
          </h2>
          <div aria-live="polite" className="space-y-2">
            {compose.showRecipientCount && preview?.count != null && !refused ? (
              <p className="text-sm text-slate-700">
                <span className="text-3xl font-bold text-slate-900">{preview.count}</span>{" "}
                {preview.count === 1 ? "person receives" : "people receive"} this message
                {live.isFetching ? <span className="sr-only"> (updating)</span> : null}
              </p>
            ) : !hydrated && !preview ? (
              <p className="text-sm text-slate-600">
                Choose the recipients, then preview who receives the message.
              </p>
            ) : null}
            {refused ? <Alert>{refused.reason}</Alert> : null}
            {preview && !refused && preview.names.length > 0 ? (
              <ul className="flex flex-wrap gap-1">
                {preview.names.map((name) => (
                  <li
                    key={name}
                    className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700"
                  >
                    {name}
                  </li>
                ))}
                {preview.count != null && preview.count > preview.names.length ? (
                  <li className="px-1 text-xs text-slate-500">
                    and {preview.count - preview.names.length} more
                  </li>
                ) : null}
              </ul>
            ) : null}
            {preview?.excluded.length ? (
              <div className="text-xs text-slate-600">
                <p className="font-medium">Left out:</p>
                <ul className="list-disc pl-4">
                  {preview.excluded.map((e) => (
                    <li key={e.name}>
                      {e.name}: {e.reason}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
          {hydrated ? null : (
            <Button
              variant="secondary"
              name="intent"
              value="preview"
              className="w-full"
              disabled={Boolean(busy)}
            >
              {busy === "preview" ? "Counting…" : "Preview recipients"}
            </Button>
          )}
          <AnnouncementPinFields
            key={`pins-${sentId ?? "new"}`}
            organizationTimeZone={timeZone}
            errors={{ pinUntil: fieldErrors.pinUntil, expiresAt: fieldErrors.expiresAt }}
          />
          <Button
            name="intent"
            value="send"
            className="w-full"
            disabled={Boolean(busy) || (hydrated && Boolean(refused))}
          >
            {busy === "send" ? "Sending…" : "Send message"}
          </Button>
          {canSchedule ? (
            <div className="space-y-2 border-t border-slate-100 pt-3">
              <BroadcastScheduleField
                key={sentId ?? "new"}
                organizationTimeZone={timeZone}
                errors={fieldErrors.sendAt}
              />
              <Button
                variant="secondary"
                name="intent"
                value="schedule"
                className="w-full"
                disabled={Boolean(busy) || (hydrated && Boolean(refused))}
              >
                {busy === "schedule" ? "Scheduling…" : "Schedule broadcast"}
              </Button>
            </div>
          ) : null}
        </aside>
      </Form>
    </>
  );
}
