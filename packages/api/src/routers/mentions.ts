import { z } from "zod";
import { mentionCandidates } from "../mentions/candidates";
import { memberProcedure, router } from "../trpc";
import { uuid } from "../validation";

/** The composer's @mention picker. */
export const mentionsRouter = router({
  candidates: memberProcedure
    .input(z.strictObject({ conversationId: uuid() }))
    .query(({ ctx, input }) => mentionCandidates(ctx, input.conversationId)),
});
