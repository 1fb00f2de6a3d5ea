import { useLoaderData } from "@remix-run/react";
import { Alert } from "../components/form";
import { PageHeader } from "../components/shell";
import type { searchRoutes } from "../server/search-route";
import { SearchFilters } from "./search-filters";
import { searchHref } from "./search-params";
import { SearchResults } from "./search-results";

type Loader = ReturnType<typeof searchRoutes>["searchLoader"];

function HowToSearch() {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
      <p className="font-medium text-slate-800">Find a message</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>Type words: a message matches when it has them all.</li>
        <li>Put words in quotes to find them together: "leak under the sink".</li>
        <li>Put a minus before a word to leave it out: water -heater.</li>
        <li>Narrow by days, person, property or type with the filters.</li>
      </ul>
    </div>
  );
}

/** Every field's problem in one list, as a filter it belongs to may not be on the page. */
function ProblemList({ fieldErrors }: { fieldErrors: Record<string, string | undefined> }) {
  const messages = Object.values(fieldErrors).filter((message): message is string =>
    Boolean(message),
  );
  if (messages.length === 0) return null;
  return (
    <ul className="mt-1 list-disc pl-5">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/**
 * The search page both apps share; `threadPath` is where the app shows a conversation
 * ("/inbox" for managers, "/messages" for residents).
 */
export function SearchPage({ threadPath }: { threadPath: string }) {
  const { form, options, conversationTitle, timeZone, isManager, result, problem, onLaterPage } =
    useLoaderData<Loader>();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="Search messages" description="Messages in your conversations." />
      <SearchFilters
        // A new address (a facet, a removed filter) starts the form from it.
        key={searchHref(form)}
        form={form}
        options={options}
        conversationTitle={conversationTitle}
        isManager={isManager}
        errors={problem?.fieldErrors ?? {}}
      />
      <div className="mt-6">
        {problem ? (
          <Alert>
            {problem.message}
            <ProblemList fieldErrors={problem.fieldErrors} />
          </Alert>
        ) : result ? (
          <>
            {result.degraded ? (
              <div className="mb-3">
                <Alert tone="info">
                  Search is running in a simpler mode for now; a misspelt word may not match.
                </Alert>
              </div>
            ) : null}
            <SearchResults
              result={result}
              form={form}
              onLaterPage={onLaterPage}
              threadPath={threadPath}
              timeZone={timeZone}
            />
          </>
        ) : (
          <HowToSearch />
        )}
      </div>
    </div>
  );
}
