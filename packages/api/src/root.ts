import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { accountRouter } from "./routers/account";
import { authRouter } from "./routers/auth";
import { autoResponsesRouter } from "./routers/auto-responses";
import { boardRouter } from "./routers/board";
import { broadcastsRouter } from "./routers/broadcasts";
import { conversationsRouter } from "./routers/conversations";
import { devMailboxRouter } from "./routers/dev-mailbox";
import { directoryRouter } from "./routers/directory";
import { healthRouter } from "./routers/health";
import { invitationsRouter } from "./routers/invitations";
import { liveRouter } from "./routers/live";
import { maintenanceRouter } from "./routers/maintenance";
import { notificationsRouter } from "./routers/notifications";
import { operatorRouter } from "./routers/operator";
import { policyRouter } from "./routers/policy";
import { scheduledRouter } from "./routers/scheduled";
import { searchRouter } from "./routers/search";
import { signatureRouter } from "./routers/signature";
import { templatesRouter } from "./routers/templates";
import { twoFactorRouter } from "./routers/two-factor";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  auth: authRouter,
  autoResponses: autoResponsesRouter,
  board: boardRouter,
  broadcasts: broadcastsRouter,
  conversations: conversationsRouter,
  devMailbox: devMailboxRouter,
  directory: directoryRouter,
  health: healthRouter,
  invitations: invitationsRouter,
  live: liveRouter,
  maintenance: maintenanceRouter,
  notifications: notificationsRouter,
  operator: operatorRouter,
  policy: policyRouter,
  scheduled: scheduledRouter,
  search: searchRouter,
  signature: signatureRouter,
  templates: templatesRouter,
  twoFactor: twoFactorRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** A server-side caller: Remix loaders and actions, and the integration tests. */
export const createCaller = createCallerFactory(appRouter);
