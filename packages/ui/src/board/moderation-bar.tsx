import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { BoardPost } from "./loader-data";

function ActionForm({
  intent,
  fields = {},
  tone = "plain",
  children,
}: {
  intent: string;
  fields?: Record<string, string>;
  tone?: "plain" | "primary" | "danger";
  children: ReactNode;
}) {
  const styles = {
    plain: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
    primary: "bg-brand-600 text-white hover:bg-brand-700",
    danger: "border border-red-200 bg-white text-red-700 hover:bg-red-50",
  }[tone];
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={`rounded-lg px-3 py-1.5 text-sm font-semibold focus-visible:ring-2 focus-visible:ring-brand-500 ${styles}`}
      >
        {children}
      </button>
    </Form>
  );
}

/** A manager's tools for a post: approve, pin, comments on or off, delete. */
export function ModerationBar({ post }: { post: BoardPost }) {
  const { moderate, toggleComments } = post.capabilities;
  if (!moderate.allowed && !toggleComments.allowed) return null;
  const pinned = post.pinnedAt !== null;
  return (
    <fieldset aria-label="Manage this post" className="flex flex-wrap gap-2">
      {moderate.allowed && post.awaitingApproval ? (
        <ActionForm intent="approve" tone="primary">
          Approve
        </ActionForm>
      ) : null}
      {moderate.allowed && !post.awaitingApproval ? (
        <ActionForm intent="pin" fields={{ pinned: pinned ? "false" : "true" }}>
          {pinned ? "Unpin" : "Pin to top"}
        </ActionForm>
      ) : null}
      {toggleComments.allowed ? (
        <ActionForm
          intent="toggleComments"
          fields={{ enabled: post.commentsEnabled ? "false" : "true" }}
        >
          {post.commentsEnabled ? "Turn comments off" : "Turn comments on"}
        </ActionForm>
      ) : null}
      {moderate.allowed ? (
        <ActionForm intent="deletePost" tone="danger">
          {post.awaitingApproval ? "Decline" : "Delete post"}
        </ActionForm>
      ) : null}
    </fieldset>
  );
}
