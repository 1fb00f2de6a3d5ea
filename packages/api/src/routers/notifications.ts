import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { unreadTotal } from "../messaging/inbox";
import { notificationFeed } from "../notifications/feed";
import { notificationKinds, preferenceChannels } from "../notifications/kinds";
import { notifiedPerson } from "../notifications/person";
import { savePreferences } from "../notifications/preferences";
import { kindSwitchesToStore, notificationSettings } from "../notifications/settings";
import { unsubscribe } from "../notifications/unsubscribe";
import { enforce } from "../policy/gateway";
import { memberProcedure, publicProcedure, router } from "../trpc";
import { bigintId, isKnownTimeZone } from "../validation";

const localTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Use a time such as 22:00");

const channelSwitches = z.strictObject(
  Object.fromEntries(preferenceChannels.map((c) => [c, z.boolean().optional()])) as Record<
    (typeof preferenceChannels)[number],
    z.ZodOptional<z.ZodBoolean>
  >,
);

const settingsChange = z.strictObject({
  desktop: z.boolean().optional(),
  email: z.boolean().optional(),
  push: z.boolean().optional(),
  sms: z.boolean().optional(),
  kinds: z
    .strictObject(
      Object.fromEntries(notificationKinds.map((k) => [k, channelSwitches.optional()])) as Record<
        (typeof notificationKinds)[number],
        z.ZodOptional<typeof channelSwitches>
      >,
    )
    .optional(),
  quietHours: z
    .strictObject({ start: localTime, end: localTime })
    .refine((q) => q.start !== q.end, {
      message: "Quiet hours must start and end at different times",
      path: ["end"],
    })
    .nullable()
    .optional(),
  emailDelayMinutes: z
    .number()
    .int("Use whole minutes")
    .min(1, "Wait at least a minute")
    .max(1440, "Wait at most a day")
    .optional(),
  sound: z.boolean().optional(),
});

/** The signed-in person's notifications: the bell, its settings, and unsubscribing by email. */
export const notificationsRouter = router({
  /** The bell: recent notifications and unread conversations, and how many are new. */
  feed: memberProcedure.query(async ({ ctx }) => {
    const person = await notifiedPerson(ctx);
    const [items, unreadMessages] = await Promise.all([
      notificationFeed({ db: ctx.db, ...person }),
      unreadTotal(ctx.db, ctx.organizationId, ctx.user.id),
    ]);
    return {
      items,
      fresh: items.filter((item) => item.fresh).length,
      unreadMessages,
      sound: person.preferences.sound,
    };
  }),

  /** The person opened the bell: what it showed is seen, and its notifications are read. */
  markSeen: memberProcedure.mutation(async ({ ctx }) => {
    const now = ctx.clock.now();
    await ctx.db.transaction().execute(async (trx) => {
      await savePreferences(
        trx,
        { userId: ctx.user.id, organizationId: ctx.organizationId },
        { seenAt: now },
      );
      await trx
        .updateTable("notifications")
        .set({ read_at: now })
        .where("user_id", "=", ctx.user.id)
        .where("organization_id", "=", ctx.organizationId)
        .where("read_at", "is", null)
        .execute();
    });
    return { seenAt: now };
  }),

  /** Marks some of the person's notifications read (one they opened from the bell). */
  markRead: memberProcedure
    .input(z.strictObject({ ids: z.array(bigintId()).min(1).max(100) }))
    .mutation(async ({ ctx, input }) => {
      const ids = [...new Set(input.ids)];
      const updated = await ctx.db.transaction().execute(async (trx) => {
        const mine = await trx
          .selectFrom("notifications")
          .select("id")
          .where("id", "in", ids)
          .where("user_id", "=", ctx.user.id)
          .where("organization_id", "=", ctx.organizationId)
          .forUpdate()
          .execute();
        if (mine.length !== ids.length)
          throw new TRPCError({ code: "NOT_FOUND", message: "No such notification." });
        const result = await trx
          .updateTable("notifications")
          .set({ read_at: ctx.clock.now() })
          .where("id", "in", ids)
          .where("read_at", "is", null)
          .executeTakeFirst();
        return Number(result.numUpdatedRows);
      });
      return { updated };
    }),

  /** The settings page: channels the policy offers and the person's choices. */
  settings: memberProcedure.query(async ({ ctx }) => {
    const person = await notifiedPerson(ctx);
    return notificationSettings(person.policy, person.org, person.preferences);
  }),

  updateSettings: memberProcedure.input(settingsChange).mutation(async ({ ctx, input }) => {
    const person = await notifiedPerson(ctx);
    if (!isKnownTimeZone(person.preferences.timeZone))
      throw new TRPCError({ code: "BAD_REQUEST", message: "Your time zone is not known." });
    for (const channel of ["desktop", "email", "push", "sms"] as const) {
      if (input[channel] === undefined) continue;
      const offered = person.policy.notify({ org: person.org, channel });
      enforce(offered);
      if (!person.policy.knobs.notificationPreferences)
        throw new TRPCError({
          code: "FORBIDDEN",
          message: "Your organization decides which notification channels you get.",
        });
    }
    await savePreferences(
      ctx.db,
      { userId: ctx.user.id, organizationId: ctx.organizationId },
      {
        desktop: input.desktop,
        email: input.email,
        push: input.push,
        sms: input.sms,
        kinds: input.kinds && kindSwitchesToStore(input.kinds, person.preferences.kinds),
        quietHours: input.quietHours,
        emailDelayMinutes: input.emailDelayMinutes,
        sound: input.sound,
      },
    );
    const saved = await notifiedPerson(ctx);
    return notificationSettings(saved.policy, saved.org, saved.preferences);
  }),

  /** One click from a notification email (or its List-Unsubscribe-Post): no more such emails. */
  unsubscribe: publicProcedure
    .input(z.strictObject({ token: z.string().min(1).max(300) }))
    .mutation(({ ctx, input }) => unsubscribe(ctx.db, input.token)),
});
