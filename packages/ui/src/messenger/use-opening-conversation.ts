import { useLocation, useNavigation } from "@remix-run/react";

/** Whether the messenger is on its way to another conversation under `basePath` (a skeleton shows meanwhile). */
export function useOpeningConversation(basePath: string): boolean {
  const navigation = useNavigation();
  const { pathname } = useLocation();
  const next = navigation.location?.pathname;
  if (navigation.state !== "loading" || !next || next === pathname) return false;
  const rest = next.slice(basePath.length + 1);
  return next.startsWith(`${basePath}/`) && rest !== "" && rest !== "new";
}
