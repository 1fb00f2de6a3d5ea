import type { RouterOutputs } from "@hearth/api";
import { createContext, type ReactNode, useContext } from "react";
import { trpc } from "../trpc";

export type PolicyView = RouterOutputs["policy"]["capabilities"];

interface Viewer {
  userId: string;
  policy: PolicyView;
}

const ViewerContext = createContext<Viewer | null>(null);

/**
 * The signed-in user and what their organization's policy lets them do, with its vocabulary.
 * The layout's loader reads both; the live stream refreshes the policy (see LiveUpdates).
 */
export function ViewerProvider({
  userId,
  policy,
  children,
}: {
  userId: string;
  policy: PolicyView;
  children: ReactNode;
}) {
  return <ViewerContext.Provider value={{ userId, policy }}>{children}</ViewerContext.Provider>;
}

function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("Wrap the signed-in layout in <ViewerProvider>.");
  return viewer;
}

export function useViewerId(): string {
  return useViewer().userId;
}

/** The policy as last fetched: the loader's answer until the live stream refreshes it. */
export function usePolicy(): PolicyView {
  const { policy } = useViewer();
  return trpc.policy.capabilities.useQuery({}, { initialData: policy }).data ?? policy;
}
