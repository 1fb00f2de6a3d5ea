import { capitalized, categoryLabels } from "@hearth/policies";
import { Form, useNavigation } from "@remix-run/react";
import { FormAttachments } from "../attachments/form-attachments";
import { useUploads } from "../attachments/use-uploads";
import { Alert, Button, Field } from "../components/form";
import type { BoardComposer, BoardCreateActionData } from "./loader-data";

const inputStyle =
  "block w-full rounded-lg border border-slate-300 px-3 py-2 text-slate-900 shadow-sm outline-none focus:ring-2 focus:ring-brand-500";

/** Publish a post: title, kind, where (one property or all), the text. */
export function NewPostForm({
  composer,
  problem,
}: {
  composer: BoardComposer;
  problem: BoardCreateActionData;
}) {
  const busy = useNavigation().state === "submitting";
  const errors = problem?.fieldErrors ?? {};
  const attachFile = composer.attachFile;
  const uploads = useUploads(attachFile.limits);
  return (
    <Form method="post" className="space-y-4" aria-labelledby="new-post-heading">
      <h2 id="new-post-heading" className="text-lg font-semibold text-slate-900">
        New post
      </h2>
      {composer.approval.allowed ? null : <Alert tone="info">{composer.approval.reason}</Alert>}
      {problem?.message ? <Alert>{problem.message}</Alert> : null}
      <input type="hidden" name="intent" value="create" />
      <Field label="Title" name="title" required maxLength={200} errors={errors.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="post-category" className="block text-sm font-medium text-slate-700">
            Kind of post
          </label>
          <select id="post-category" name="category" className={inputStyle}>
            {composer.categories.map((category) => (
              <option key={category} value={category}>
                {capitalized(categoryLabels[category])}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="post-property" className="block text-sm font-medium text-slate-700">
            For
          </label>
          <select id="post-property" name="propertyId" className={inputStyle}>
            {composer.organizationWide ? <option value="">All properties</option> : null}
            {composer.properties.map((property) => (
              <option key={property.id} value={property.id}>
                {property.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor="post-body" className="block text-sm font-medium text-slate-700">
          Post
        </label>
        <textarea
          id="post-body"
          name="body"
          required
          rows={6}
          maxLength={20_000}
          aria-invalid={errors.body ? true : undefined}
          className={inputStyle}
        />
        {errors.body ? <p className="text-sm text-red-600">{errors.body.join(" ")}</p> : null}
      </div>
      {attachFile.allowed ? (
        <FormAttachments uploads={uploads} limits={attachFile.limits} hint={attachFile.reason}>
          {errors.attachmentIds ? (
            <p className="text-sm text-red-600">{errors.attachmentIds.join(" ")}</p>
          ) : null}
        </FormAttachments>
      ) : null}
      <Button disabled={busy || uploads.blocker !== null}>
        {busy ? "Publishing…" : "Publish"}
      </Button>
    </Form>
  );
}
