import type { AppKind } from "@hearth/db";
import { boardCategories } from "@hearth/policies";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { BOARD_PATH, type BoardIntent, boardIntents, postPath } from "../board/board-paths";
import { type ProblemBody, problemOf, rethrowAsResponse } from "./http-errors";
import { requireUser, type SignedIn } from "./session";

type Api = SignedIn["api"];

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** The stored uploads a form carries, one `attachmentIds` field each. */
function attachmentIds(form: FormData): string[] {
  return form.getAll("attachmentIds").filter((id) => typeof id === "string");
}

/** "true" / "false" from a form, as the boolean the API wants. */
function flag(form: FormData, name: string): boolean {
  return field(form, name) === "true";
}

function intentOf(form: FormData): BoardIntent {
  const intent = boardIntents.find((known) => known === field(form, "intent"));
  if (!intent) throw data({ message: "Unknown action.", fieldErrors: {} }, { status: 400 });
  return intent;
}

/** What each form of a post's page asks the API; where the page goes next, or null to stay. */
async function runPostIntent(
  api: Api,
  postId: string,
  intent: BoardIntent,
  form: FormData,
  listQuery: string,
): Promise<string | null> {
  const here = postPath(postId, listQuery);
  const commentId = field(form, "commentId");
  switch (intent) {
    case "comment":
      await api.board.comment({
        postId,
        body: field(form, "body"),
        attachmentIds: attachmentIds(form),
      });
      return here;
    case "deleteComment":
      await api.board.deleteComment({ commentId });
      return here;
    case "hideComment":
      await api.board.setCommentHidden({ commentId, hidden: flag(form, "hidden") });
      return here;
    case "toggleComments":
      await api.board.setCommentsEnabled({ postId, enabled: flag(form, "enabled") });
      return here;
    case "pin":
      await api.board.setPinned({ postId, pinned: flag(form, "pinned") });
      return here;
    case "approve":
      await api.board.approvePost({ postId });
      return here;
    case "deletePost":
      await api.board.deletePost({ postId });
      return `${BOARD_PATH}${listQuery}`;
    case "markSeen":
      // Sent by the page once it has shown the comments; it stays where it is.
      await api.board.markSeen({
        postId,
        commentIds: form.getAll("commentId").filter((id) => typeof id === "string"),
      });
      return null;
    case "create":
      throw data({ message: "Unknown action.", fieldErrors: {} }, { status: 400 });
  }
}

/** Loaders and actions of the board pages, the same in both apps. */
export function boardRoutes(app: AppKind) {
  return {
    /**
     * The list beside the open post (`?q=` words to find, `?category=` one kind of post) and the
     * new-post form's choices, which the board's index page shows.
     */
    async listLoader({ request }: LoaderFunctionArgs) {
      const { api, headers, organization, user } = await requireUser(app, request);
      const params = new URL(request.url).searchParams;
      const search = (params.get("q") ?? "").trim().slice(0, 200);
      const category = boardCategories.find((known) => known === params.get("category")) ?? null;
      const [posts, composer] = await Promise.all([
        api.board.posts(search ? { search } : {}),
        api.board.composer(),
      ]).catch(rethrowAsResponse);
      return data(
        {
          posts: category ? posts.filter((post) => post.category === category) : posts,
          composer,
          search,
          category,
          viewerId: user.id,
          timeZone: organization?.timezone ?? "UTC",
        },
        { headers },
      );
    },

    async createAction({ request }: ActionFunctionArgs) {
      const { api, headers } = await requireUser(app, request);
      const form = await request.formData();
      if (intentOf(form) !== "create")
        throw data({ message: "Unknown action.", fieldErrors: {} }, { status: 400 });
      const propertyId = field(form, "propertyId");
      const category = boardCategories.find((known) => known === field(form, "category"));
      if (!category) {
        const message = "Choose what kind of post this is.";
        const problem: ProblemBody = { message, fieldErrors: { category: [message] } };
        return data(problem, { status: 400, headers });
      }
      let created: { id: string };
      try {
        created = await api.board.createPost({
          title: field(form, "title"),
          body: field(form, "body"),
          category,
          ...(propertyId ? { propertyId } : {}),
          attachmentIds: attachmentIds(form),
        });
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) rethrowAsResponse(error);
        return data(problem.body, { status: problem.status, headers });
      }
      throw redirect(`${BOARD_PATH}/${created.id}`, { headers });
    },

    async postLoader({ request, params }: LoaderFunctionArgs) {
      const { api, headers, organization, user } = await requireUser(app, request);
      const post = await api.board.post({ id: params.postId ?? "" }).catch(rethrowAsResponse);
      return data(
        {
          post,
          viewerId: user.id,
          isManager: user.kind === "manager",
          timeZone: organization?.timezone ?? "UTC",
        },
        { headers },
      );
    },

    /** Every form of a post's page, switched on `intent`; each works as a plain form post. */
    async postAction({ request, params }: ActionFunctionArgs) {
      const { api, headers } = await requireUser(app, request);
      const form = await request.formData();
      const intent = intentOf(form);
      let next: string | null;
      try {
        const listQuery = new URL(request.url).search;
        next = await runPostIntent(api, params.postId ?? "", intent, form, listQuery);
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) rethrowAsResponse(error);
        return data({ intent, ...problem.body }, { status: problem.status, headers });
      }
      if (next) throw redirect(next, { headers });
      return data({ intent, message: null, fieldErrors: {} }, { headers });
    },
  };
}
