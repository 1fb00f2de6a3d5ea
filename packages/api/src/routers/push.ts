import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { readServerEnv } from "../env";
import { notifiedPerson } from "../notifications/person";
import { enforce } from "../policy/gateway";
import { endpointProblem } from "../push/endpoint";
import { hasSubscription, removeSubscription, saveSubscription } from "../push/subscriptions";
import { vapidKeys } from "../push/vapid-keys";
import { memberProcedure, router } from "../trpc";

/** URL-safe base64 of exactly `bytes` bytes (the browser's PushSubscription keys). */
function base64urlOf(field: string, bytes: number, check?: (raw: Buffer) => boolean) {
  return z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${field}: Use URL-safe base64.`)
    .refine((value) => {
      const raw = Buffer.from(value, "base64url");
      return raw.length === bytes && (check?.(raw) ?? true);
    }, `${field}: Not the key a browser gives.`);
}

const endpoint = z.string().trim().min(1, "endpoint: Required.").max(2000, "endpoint: Too long.");

const subscription = z.strictObject({
  endpoint,
  keys: z.strictObject({
    // An uncompressed P-256 point: 0x04, then x and y.
    p256dh: base64urlOf("keys.p256dh", 65, (raw) => raw[0] === 4),
    auth: base64urlOf("keys.auth", 16),
  }),
});

/** Web Push for the signed-in person's browsers (issue 11). */
export const pushRouter = router({
  /** The key browsers subscribe with, and whether the organization's policy sends push at all. */
  config: memberProcedure.query(async ({ ctx }) => {
    const person = await notifiedPerson(ctx);
    const offered = person.policy.notify({ org: person.org, channel: "push" });
    const { publicKey } = await vapidKeys(ctx.db);
    return { publicKey, offered: offered.allowed, reason: offered.reason };
  }),

  /** Whether this browser (its endpoint) is subscribed for the person. */
  status: memberProcedure.input(z.strictObject({ endpoint })).query(async ({ ctx, input }) => ({
    subscribed: await hasSubscription(ctx.db, ctx.user.id, input.endpoint),
  })),

  subscribe: memberProcedure.input(subscription).mutation(async ({ ctx, input }) => {
    const problem = endpointProblem(input.endpoint, readServerEnv().WEB_PUSH_EXTRA_ENDPOINTS);
    if (problem) throw new TRPCError({ code: "BAD_REQUEST", message: problem });
    const person = await notifiedPerson(ctx);
    enforce(person.policy.notify({ org: person.org, channel: "push" }));
    await saveSubscription(
      ctx.db,
      { userId: ctx.user.id, organizationId: ctx.organizationId },
      { endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth },
    );
    return { subscribed: true };
  }),

  unsubscribe: memberProcedure
    .input(z.strictObject({ endpoint }))
    .mutation(async ({ ctx, input }) => ({
      removed: await removeSubscription(ctx.db, ctx.user.id, input.endpoint),
    })),
});
