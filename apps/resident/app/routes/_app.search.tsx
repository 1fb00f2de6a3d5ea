import { SearchPage } from "@hearth/ui";
import type { MetaFunction } from "@remix-run/node";
import { search } from "~/shared.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.form.q ? `${data.form.q} · Search · Hearth` : "Search · Hearth" },
];
export const loader = search.searchLoader;

export default function Search() {
  return <SearchPage threadPath="/messages" />;
}
