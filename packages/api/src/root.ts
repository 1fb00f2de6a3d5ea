import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { accountRouter } from "./routers/account";
import { authRouter } from "./routers/auth";
import { autoResponsesRouter } from "./routers/auto-responses";
import { boardRouter } from "./routers/board";
import { broadcastsRouter } from "./routers/broadcasts";
import { conversationsRouter } from "./routers/conversations";
import { devMailboxRouter } from "./routers/dev-mailbox";
import { devSmsRouter } from "./routers/dev-sms";
import { directoryRouter } from "./routers/directory";
import { healthRouter } from "./routers/health";
import { invitationsRouter } from "./routers/invitations";
import { liveRouter } from "./routers/live";
import { maintenanceRouter } from "./routers/maintenance";
import { mentionsRouter } from "./routers/mentions";
import { notificationsRouter } from "./routers/notifications";
import { operatorRouter } from "./routers/operator";
import { policyRouter } from "./routers/policy";
import { pushRouter } from "./routers/push";
import { scheduledRouter } from "./routers/scheduled";
import { searchRouter } from "./routers/search";
import { settingsRouter } from "./routers/settings";
import { signatureRouter } from "./routers/signature";
import { smsRouter } from "./routers/sms";
import { teamRouter } from "./routers/team";
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
  team: teamRouter,
  devMailbox: devMailboxRouter,
  devSms: devSmsRouter,
  directory: directoryRouter,
  health: healthRouter,
  invitations: invitationsRouter,
  live: liveRouter,
  maintenance: maintenanceRouter,
  mentions: mentionsRouter,
  notifications: notificationsRouter,
  operator: operatorRouter,
  policy: policyRouter,
  push: pushRouter,
  scheduled: scheduledRouter,
  search: searchRouter,
  settings: settingsRouter,
  signature: signatureRouter,
  sms: smsRouter,
  templates: templatesRouter,
  twoFactor: twoFactorRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** A server-side caller: Remix loaders and actions, and the integration tests. */
export const createCaller = createCallerFactory(appRouter);
