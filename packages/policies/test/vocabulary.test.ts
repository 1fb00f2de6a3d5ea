/**
 * Each profile speaks its users' language: the sentences it shows (its vocabulary and every
 * refusal reason) never use another profile's nouns, so a coworking member never reads about a
 * landlord and a tenant never about members of a space.
 */
import { describe, expect, it } from "vitest";
import {
  type Actor,
  createPolicy,
  getProfile,
  type Knobs,
  type Party,
  type Policy,
  profileIds,
  type Vocabulary,
} from "../src/index";
import {
  accountOwner,
  conversation,
  now,
  owner,
  pmMode,
  resident,
  servicePro,
  subUser,
} from "./fixtures";

/** Words each profile's users would not recognise as theirs. */
const foreignWords: Record<string, readonly RegExp[]> = {
  standard: [/landlord/i, /\btenants?\b/i, /\bmembers?\b/i, /\bspace\b/i],
  connected: [/\bresidents?\b/i, /\bmembers?\b/i, /\bspace\b/i],
  coworking: [/landlord/i, /\btenants?\b/i, /\bresidents?\b/i, /property manager/i],
  "landlord-led": [/\bresidents?\b/i, /\bmembers?\b/i, /\bspace\b/i, /property manager/i],
};

/** Knob settings that reach sentences the defaults don't. */
const variants: readonly Partial<Knobs>[] = [
  {},
  { memberMessaging: false },
  { memberMessaging: true },
  { board: true, commentDeleteUntilSeen: true },
  { participantInfo: false },
  { maintenanceThreads: true, maintenanceThreadOptOut: true },
  { startLeaseStatuses: [], replyLeaseStatuses: ["active"] },
];

function policyWith(profileId: string, knobs: Partial<Knobs>): Policy {
  const profile = getProfile(profileId);
  if (!profile) throw new Error(`No profile ${profileId}`);
  return createPolicy(profile, { ...profile.defaults, ...knobs }, []);
}

function vocabularySentences(vocabulary: Vocabulary): string[] {
  const { resident: noun, ...sentences } = vocabulary;
  return [noun.one, noun.many, ...Object.values(sentences)];
}

/** Every sentence a policy shows across a battery of situations that end in refusals. */
function sentencesOf(policy: Policy): string[] {
  const org = pmMode;
  const tenant = resident("res-1");
  const neighbour = resident("res-2");
  const expired = resident("res-3", { leaseStatus: "expired" });
  const future = resident("res-4", { leaseStatus: "future" });
  const inactive = resident("res-5", { memberStatus: "inactive" });
  const manager = accountOwner();
  const sub = subUser();
  const pro = servicePro();
  const landowner = owner();
  const start = (actor: Actor, kind: "direct" | "unit_group" | "team", recipients: Party[]) =>
    policy.startConversation({ org, actor, kind, recipients });
  const announcement = conversation("broadcast", [manager, tenant], { noReply: true });
  const decisions = [
    policy.compose({ org, actor: tenant }),
    policy.compose({ org, actor: expired }),
    policy.compose({ org, actor: inactive }),
    policy.compose({ org, actor: pro }),
    start(tenant, "direct", [neighbour]),
    start(tenant, "direct", [inactive]),
    start(tenant, "direct", [manager]),
    start(tenant, "direct", [pro]),
    start(tenant, "direct", [manager, sub]),
    start(tenant, "unit_group", [neighbour]),
    start(expired, "direct", [manager]),
    start(manager, "direct", [expired]),
    start(manager, "direct", [future]),
    start(manager, "direct", [tenant, neighbour]),
    start(manager, "unit_group", []),
    start(manager, "unit_group", [tenant, pro]),
    start(manager, "unit_group", [expired]),
    start(manager, "team", []),
    start(manager, "team", [tenant]),
    start(sub, "direct", [tenant]),
    policy.reply({ org, actor: tenant, conversation: announcement }),
    policy.reply({ org, actor: expired, conversation: conversation("direct", [manager, expired]) }),
    policy.reply({ org, actor: manager, conversation: conversation("direct", [manager, expired]) }),
    policy.reply({
      org,
      actor: manager,
      conversation: conversation("unit_group", [manager, expired, future]),
    }),
    policy.reply({ org, actor: tenant, conversation: conversation("direct", [tenant, inactive]) }),
    policy.messageMember({ actor: tenant, recipients: [] }),
    policy.messageMember({ actor: tenant, recipients: [neighbour, inactive] }),
    policy.messageMember({ actor: tenant, recipients: [manager] }),
    policy.viewBoard({ actor: pro }),
    policy.viewBoard({ actor: resident("res-6", { connection: "invited" }) }),
    policy.postToBoard({ actor: tenant }),
    policy.toggleComments({ actor: tenant }),
    policy.commentOnPost({ actor: tenant, post: { authorId: null, commentsEnabled: false } }),
    policy.deleteComment({
      actor: tenant,
      comment: { authorId: tenant.userId, seenByManagerAt: now, deletedAt: null },
    }),
    policy.useChannel({ org, actor: landowner, channel: "maintenance" }),
    policy.useChannel({ org, actor: tenant, channel: "team" }),
    policy.useChannel({ org, actor: pro, channel: "tenants" }),
    policy.maintenanceThread({
      recipient: landowner,
      request: { submittedBy: tenant, sharedWith: [] },
    }),
    policy.maintenanceThread({
      recipient: manager,
      request: { submittedBy: tenant, sharedWith: [] },
      settings: { tenantRequestThreads: false },
    }),
    policy.configureMaintenanceThreads({ actor: tenant }),
    policy.receiveBroadcast({ org, recipient: sub }),
    policy.chooseMessageType({
      actor: manager,
      type: "lease",
      conversation: conversation("team", [manager, sub]),
    }),
    policy.autoRespond({ sender: sub, outsideBusinessHours: true, setting: "always" }),
    policy.viewParticipantInfo({ actor: tenant }),
    policy.viewParticipantInfo({ actor: manager }),
  ];
  return decisions.filter((decision) => !decision.allowed).map((decision) => decision.reason);
}

describe("vocabulary per profile", () => {
  it.each(profileIds)("%s: every word of its vocabulary is filled in", (profileId) => {
    const vocabulary = getProfile(profileId)?.vocabulary;
    if (!vocabulary) throw new Error(`${profileId} has no vocabulary`);
    for (const sentence of vocabularySentences(vocabulary)) {
      expect(sentence.trim().length).toBeGreaterThan(0);
    }
  });

  it.each(profileIds)("%s: no sentence uses another profile's nouns", (profileId) => {
    const forbidden = foreignWords[profileId];
    expect(forbidden, `add ${profileId} to foreignWords`).toBeDefined();
    const vocabulary = getProfile(profileId)?.vocabulary;
    if (!vocabulary) throw new Error(`${profileId} has no vocabulary`);
    const sentences = [
      ...vocabularySentences(vocabulary),
      ...variants.flatMap((knobs) => sentencesOf(policyWith(profileId, knobs))),
    ];
    expect(sentences.length).toBeGreaterThan(30);
    const offending = sentences.filter((sentence) =>
      (forbidden ?? []).some((word) => word.test(sentence)),
    );
    expect([...new Set(offending)]).toEqual([]);
  });

  it("a coworking member is pointed to the space, a landlord-led tenant to their landlord", () => {
    const org = pmMode;
    const cannotStart = (profileId: string) =>
      policyWith(profileId, { memberMessaging: false }).compose({
        org,
        actor: resident(),
      }).reason;
    expect(cannotStart("landlord-led")).toContain("your landlord");
    expect(cannotStart("coworking")).not.toMatch(/landlord/i);
  });
});
