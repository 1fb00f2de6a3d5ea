import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireResidentUser } from "~/shared.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { headers } = await requireResidentUser(request);
  throw redirect("/messages", { headers });
}
