import { messageTypes } from "@hearth/db";
import { z } from "zod";
import {
  createTemplate,
  deleteTemplate,
  listTemplates,
  previewTemplate,
  updateTemplate,
} from "../templates/service";
import { templateVariables } from "../templates/variables";
import { memberProcedure, router } from "../trpc";
import { uuid } from "../validation";

const name = z.string().trim().min(1, "Name the template").max(100, "At most 100 characters");
const body = z
  .string()
  .trim()
  .min(1, "Write the template's text")
  .max(20_000, "Templates are at most 20,000 characters");
const type = z.enum(messageTypes);

export const templatesRouter = router({
  /** The organization's shared templates and the caller's own, with the variables they may use. */
  list: memberProcedure.query(async ({ ctx }) => ({
    ...(await listTemplates(ctx)),
    variables: templateVariables,
  })),

  create: memberProcedure
    .input(z.strictObject({ name, body, type: type.default("general"), shared: z.boolean() }))
    .mutation(({ ctx, input }) => createTemplate(ctx, input)),

  update: memberProcedure
    .input(
      z.strictObject({
        id: uuid(),
        name: name.optional(),
        body: body.optional(),
        type: type.optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const { id, ...change } = input;
      return updateTemplate(ctx, id, change);
    }),

  delete: memberProcedure
    .input(z.strictObject({ id: uuid() }))
    .mutation(({ ctx, input }) => deleteTemplate(ctx, input.id)),

  /** A template (or text) filled in for a conversation's people, to look at before sending. */
  preview: memberProcedure
    .input(
      z.union([
        z.strictObject({ conversationId: uuid(), templateId: uuid() }),
        z.strictObject({ conversationId: uuid(), body }),
      ]),
    )
    .query(({ ctx, input }) => {
      const { conversationId, ...source } = input;
      return previewTemplate(ctx, conversationId, source);
    }),
});
