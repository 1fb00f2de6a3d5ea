import { randomUUID } from "node:crypto";
import type { AppKind } from "@hearth/db";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { listFilterOf, listInput } from "../messenger/list-filter";
import { problemOf, rethrowAsResponse } from "./http-errors";
import { requireUser } from "./session";

const messageTypes = [
  "general",
  "maintenance",
  "payment_reminder",
  "lease",
  "event",
  "document_request",
] as const;

/** Loaders and actions of the messenger pages, the same in both apps. */
export function messengerRoutes(app: AppKind) {
  return {
    async listLoader({ request }: LoaderFunctionArgs) {
      const { api, headers, organization, user } = await requireUser(app, request);
      const filter = listFilterOf(new URL(request.url).searchParams);
      const list = await api.conversations.list(listInput(filter)).catch(rethrowAsResponse);
      return data(
        { list, timeZone: organization?.timezone ?? "UTC", isManager: user.kind === "manager" },
        { headers },
      );
    },

    async threadLoader({ request, params }: LoaderFunctionArgs) {
      const { api, headers } = await requireUser(app, request);
      const id = params.conversationId ?? "";
      // `?message=<id>` (a search hit) opens the thread at that message and marks it.
      const openAt = Number(new URL(request.url).searchParams.get("message") ?? "") || null;
      const [conversation, firstPage] = await Promise.all([
        api.conversations.get({ id }),
        api.conversations.messages(openAt === null ? { id } : { id, around: openAt }),
      ]).catch(rethrowAsResponse);
      return data({ conversation, firstPage, openAt, clientId: randomUUID() }, { headers });
    },

    /** The composer without JavaScript: a plain form post, then back to the thread. */
    async threadAction({ request, params }: ActionFunctionArgs) {
      const { api, headers } = await requireUser(app, request);
      const form = await request.formData();
      if (form.get("intent") !== "send")
        throw data({ message: "Unknown action." }, { status: 400 });
      const type = String(form.get("type") ?? "general");
      try {
        await api.conversations.send({
          conversationId: params.conversationId ?? "",
          clientId: String(form.get("clientId") ?? ""),
          body: String(form.get("body") ?? ""),
          type: messageTypes.find((t) => t === type) ?? "general",
          priority: form.get("priority") === "high" ? "high" : "normal",
          copyToEmail: form.get("copyToEmail") === "true",
        });
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) rethrowAsResponse(error);
        return data(problem.body, { status: problem.status, headers });
      }
      throw redirect(new URL(request.url).pathname, { headers });
    },

    async newLoader({ request }: LoaderFunctionArgs) {
      const { headers } = await requireUser(app, request);
      return data({ clientId: randomUUID() }, { headers });
    },
  };
}
