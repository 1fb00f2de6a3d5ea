import { conversationKinds, messageTypes, priorities } from "@hearth/db";
import { MAX_SEARCH_LIMIT, MAX_SEARCH_TEXT } from "@hearth/search";
import { z } from "zod";
import { announcementSenders } from "../messaging/announcement-senders";
import { policyScope } from "../policy/gateway";
import { describeFacets } from "../search/describe-facets";
import { describeHits } from "../search/describe-hits";
import { searchFilterOptions } from "../search/filter-options";
import { runSearch } from "../search/run-search";
import { memberProcedure, router } from "../trpc";
import { uuid } from "../validation";

/** The range Postgres and every engine can compare against without an error. */
const searchDate = () =>
  z
    .date()
    .min(new Date("1970-01-01T00:00:00Z"), "Choose a date after 1970")
    .max(new Date("9999-12-31T00:00:00Z"), "Choose a date before the year 10000");

const messagesInput = z
  .strictObject({
    q: z
      .string()
      .max(MAX_SEARCH_TEXT, `Search for at most ${MAX_SEARCH_TEXT} characters`)
      .optional(),
    from: searchDate().optional(),
    to: searchDate().optional(),
    personId: uuid().optional(),
    propertyId: uuid().optional(),
    unitId: uuid().optional(),
    conversationId: uuid().optional(),
    kind: z.enum(conversationKinds).optional(),
    type: z.enum(messageTypes).optional(),
    priority: z.enum(priorities).optional(),
    cursor: z.string().max(200, "Not a valid page").optional(),
    limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).default(20),
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    message: "The end date must be after the start date",
    path: ["to"],
  });

export const searchRouter = router({
  /**
   * Messages the caller may read that match: by words and filters, newest first, a page at a
   * time, with highlighted excerpts, and counts per type and property where the engine has them.
   */
  messages: memberProcedure.input(messagesInput).query(async ({ ctx, input }) => {
    const { q, limit, cursor, ...filters } = input;
    const result = await runSearch(
      ctx.db,
      ctx.search,
      {
        ...filters,
        ...(q === undefined ? {} : { text: q }),
        ...(cursor === undefined ? {} : { cursor }),
        organizationId: ctx.organizationId,
        viewerId: ctx.user.id,
        limit,
        facets: cursor === undefined,
      },
      ctx.log,
    );
    const [described, facets] = await Promise.all([
      describeHits(ctx.db, ctx.user.id, result.hits),
      describeFacets(ctx.db, ctx.organizationId, result.facets),
    ]);
    // Announcements show their sender as the thread does: the organization where the profile
    // says they come from it, not the admin who wrote them.
    const announced = described.filter((hit) => hit.conversationKind === "broadcast");
    const masked =
      announced.length === 0
        ? new Map<number, (typeof described)[number]>()
        : new Map(
            (await announcementSenders(ctx, await policyScope(ctx), "broadcast", announced)).map(
              (hit) => [hit.messageId, hit],
            ),
          );
    const hits = described.map((hit) => masked.get(hit.messageId) ?? hit);
    return {
      engine: result.engine,
      degraded: result.degraded,
      hits,
      nextCursor: result.nextCursor,
      facets,
    };
  }),

  /** The people, properties and units the caller can filter a search by. */
  filterOptions: memberProcedure.query(({ ctx }) =>
    searchFilterOptions(ctx.db, ctx.organizationId, ctx.user.id, ctx.user.kind === "manager"),
  ),
});
