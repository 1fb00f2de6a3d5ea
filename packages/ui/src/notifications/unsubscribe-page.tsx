/** The page an email's unsubscribe link opens: one button, no sign-in. */
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "../components/form";

interface UnsubscribeData {
  token: string;
  done: { unsubscribed: true; organizationName: string } | null;
  problem: string | null;
}

export function UnsubscribePage() {
  const loaded = useLoaderData<UnsubscribeData>();
  const result = useActionData<UnsubscribeData>() ?? loaded;
  return (
    <main className="mx-auto mt-16 max-w-md rounded-xl border border-slate-200 bg-white p-8">
      <h1 className="text-xl font-bold text-slate-900">Notification emails</h1>
      {result.done ? (
        <p role="status" className="mt-3 text-sm text-slate-700">
          You won't get notification emails from {result.done.organizationName} any more. You can
          turn them back on in your notification settings.
        </p>
      ) : (
        <>
          <p className="mt-3 text-sm text-slate-700">
            Stop the emails about unread messages? Your messages stay in the app.
          </p>
          {result.problem ? (
            <p role="alert" className="mt-3 text-sm text-red-600">
              {result.problem}
            </p>
          ) : null}
          <Form method="post" className="mt-5">
            <Button type="submit">Unsubscribe</Button>
          </Form>
        </>
      )}
    </main>
  );
}
