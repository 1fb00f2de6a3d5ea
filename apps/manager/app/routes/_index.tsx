import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireManagerUser } from "~/shared.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await requireManagerUser(request);
  throw redirect(user.kind === "operator" ? "/operator" : "/inbox", { headers });
}
