import { smsCategories } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { requireParticipation } from "../messaging/access";
import { messageDeliveries } from "../notifications/delivery-log";
import { notifiedPerson } from "../notifications/person";
import { enforce } from "../policy/gateway";
import { consentLedger, readSmsConsent, saveSmsConsent } from "../sms/consent";
import { FieldProblems, managerProcedure, memberProcedure, router } from "../trpc";
import { bigintId } from "../validation";

/** "+1 (555) 123-4567" → "+15551234567"; the number must be in international form. */
const phoneNumber = z
  .string()
  .trim()
  .max(30)
  .transform((value) => value.replace(/[\s().-]/g, ""))
  .refine((value) => /^\+[1-9][0-9]{6,14}$/.test(value), {
    message: "Enter the number in international form, such as +15551234567",
  });

const consentChange = z.strictObject({
  phone: phoneNumber.nullable(),
  categories: z.strictObject({
    emergency: z.boolean(),
    operational: z.boolean(),
    marketing: z.boolean(),
  }),
});

/** Texts: the person's number and consent per category, and the delivery log of a message. */
export const smsRouter = router({
  /** What the settings page shows: whether the profile texts at all, the number, the consents. */
  consent: memberProcedure.query(async ({ ctx }) => {
    const person = await notifiedPerson(ctx);
    const offered = person.policy.notify({ org: person.org, channel: "sms" });
    const [consent, ledger] = await Promise.all([
      readSmsConsent(ctx.db, ctx.user.id),
      consentLedger(ctx.db, ctx.user.id, 10),
    ]);
    return {
      offered: offered.allowed,
      reason: offered.reason,
      phone: consent.phone,
      stoppedAt: consent.stoppedAt,
      categories: consent.categories,
      ledger,
    };
  }),

  /** Records the person's choice on the settings page in the consent ledger. */
  saveConsent: memberProcedure.input(consentChange).mutation(async ({ ctx, input }) => {
    const person = await notifiedPerson(ctx);
    const optingIn = smsCategories.some((c) => input.categories[c]);
    if (optingIn) enforce(person.policy.notify({ org: person.org, channel: "sms" }));
    if (optingIn && input.phone === null)
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "Enter your mobile number to get texts.",
        cause: new FieldProblems({ phone: ["Enter your mobile number to get texts."] }),
      });
    await ctx.db
      .transaction()
      .execute((trx) =>
        saveSmsConsent(
          trx,
          { userId: ctx.user.id, organizationId: ctx.organizationId },
          { phone: input.phone, categories: input.categories },
        ),
      );
    const consent = await readSmsConsent(ctx.db, ctx.user.id);
    return { phone: consent.phone, stoppedAt: consent.stoppedAt, categories: consent.categories };
  }),

  /** Per recipient and channel, what became of a message's notifications (managers only). */
  deliveries: managerProcedure
    .input(z.strictObject({ messageId: bigintId() }))
    .query(async ({ ctx, input }) => {
      const message = await ctx.db
        .selectFrom("messages")
        .select(["id", "conversation_id as conversationId", "sender_id as senderId"])
        .where("id", "=", Number(input.messageId))
        .where("organization_id", "=", ctx.organizationId)
        .executeTakeFirst();
      if (!message) throw new TRPCError({ code: "NOT_FOUND", message: "No such message." });
      await requireParticipation(ctx.db, ctx.organizationId, message.conversationId, ctx.user.id);
      return messageDeliveries(ctx.db, message);
    }),
});
