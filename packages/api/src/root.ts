import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { authRouter } from "./routers/auth";
import { devMailboxRouter } from "./routers/dev-mailbox";
import { directoryRouter } from "./routers/directory";
import { healthRouter } from "./routers/health";
import { inboxRouter } from "./routers/inbox";
import { invitationsRouter } from "./routers/invitations";
import { operatorRouter } from "./routers/operator";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  devMailbox: devMailboxRouter,
  directory: directoryRouter,
  health: healthRouter,
  inbox: inboxRouter,
  invitations: invitationsRouter,
  operator: operatorRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** A server-side caller: Remix loaders and actions, and the integration tests. */
export const createCaller = createCallerFactory(appRouter);
