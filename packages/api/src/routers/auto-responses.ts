import { z } from "zod";
import {
  autoResponseSettings,
  saveAutoResponses,
  saveBusinessHours,
} from "../auto-response/settings";
import { memberProcedure, router } from "../trpc";
import { timeZoneName } from "../validation";

const reply = z.string().trim().max(2_000, "At most 2,000 characters");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 09:00");
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-25");

export const autoResponsesRouter = router({
  /** One's after-hours and vacation replies, the organization's hours, and who may change what. */
  get: memberProcedure.query(({ ctx }) => autoResponseSettings(ctx)),

  save: memberProcedure
    .input(
      z
        .strictObject({
          afterHours: z.strictObject({ enabled: z.boolean(), body: reply }),
          vacation: z.strictObject({
            startsAt: z.date().nullable(),
            endsAt: z.date().nullable(),
            body: reply,
          }),
        })
        .refine((s) => !s.afterHours.enabled || s.afterHours.body.length > 0, {
          message: "Write the after-hours reply, or turn it off",
          path: ["afterHours", "body"],
        })
        .refine(
          ({ vacation: v }) =>
            (v.startsAt === null) === (v.endsAt === null) &&
            (v.startsAt === null || (v.endsAt !== null && v.endsAt > v.startsAt)),
          { message: "The vacation ends after it starts", path: ["vacation", "endsAt"] },
        )
        .refine(({ vacation: v }) => v.startsAt === null || v.body.length > 0, {
          message: "Write the vacation reply",
          path: ["vacation", "body"],
        }),
    )
    .mutation(({ ctx, input }) => saveAutoResponses(ctx, input)),

  saveBusinessHours: memberProcedure
    .input(
      z.strictObject({
        timeZone: timeZoneName(),
        hours: z
          .strictObject({
            days: z.array(z.number().int().min(0).max(6)).max(7),
            opens: time,
            closes: time,
          })
          .refine((h) => h.opens < h.closes, "Closing comes after opening")
          .nullable(),
        holidays: z.array(isoDay).max(366),
      }),
    )
    .mutation(({ ctx, input }) => saveBusinessHours(ctx, input)),
});
