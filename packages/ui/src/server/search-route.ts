import type { AppKind } from "@hearth/db";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { searchInputOf } from "../search/search-input";
import { asksForAnything, searchFormOf } from "../search/search-params";
import { problemOf, rethrowAsResponse } from "./http-errors";
import { requireUser, type SignedIn } from "./session";

/** Why a search could not run: a sentence, and what to fix per form field. */
interface SearchProblem {
  message: string;
  fieldErrors: Record<string, string | undefined>;
}

/** The title of the conversation a search is limited to, for its filter chip. */
async function conversationTitle(api: SignedIn["api"], id: string): Promise<string | null> {
  try {
    return (await api.conversations.get({ id })).displayTitle;
  } catch (error) {
    // Not one of the viewer's (or not an id): the search itself says why, or finds nothing.
    if (problemOf(error)) return null;
    throw error;
  }
}

/** The search page's loader, the same in both apps: the form from the URL, then its results. */
export function searchRoutes(app: AppKind) {
  return {
    async searchLoader({ request }: LoaderFunctionArgs) {
      const { api, headers, organization, user } = await requireUser(app, request);
      const timeZone = organization?.timezone ?? "UTC";
      const url = new URL(request.url);
      const form = searchFormOf(url.searchParams);
      const cursor = url.searchParams.get("cursor") ?? undefined;
      const [options, conversation] = await Promise.all([
        api.search.filterOptions(),
        form.conversationId ? conversationTitle(api, form.conversationId) : null,
      ]).catch(rethrowAsResponse);
      const page = {
        form,
        options,
        conversationTitle: conversation,
        timeZone,
        isManager: user.kind === "manager",
        onLaterPage: cursor !== undefined,
      };
      if (!asksForAnything(form)) {
        return data({ ...page, result: null, problem: null }, { headers });
      }
      const built = searchInputOf(form, timeZone);
      if (built.problems) {
        const problem: SearchProblem = {
          message: "Check the search form.",
          fieldErrors: built.problems,
        };
        return data({ ...page, result: null, problem }, { status: 400, headers });
      }
      try {
        const result = await api.search.messages({ ...built.input, ...(cursor ? { cursor } : {}) });
        return data({ ...page, result, problem: null }, { headers });
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) rethrowAsResponse(error);
        const searchProblem: SearchProblem = {
          message: problem.body.message,
          fieldErrors: Object.fromEntries(
            Object.entries(problem.body.fieldErrors).map(([field, errors]) => [
              field,
              errors?.join(" "),
            ]),
          ),
        };
        return data(
          { ...page, result: null, problem: searchProblem },
          { status: problem.status, headers },
        );
      }
    },
  };
}
