import type { AppKind } from "@hearth/db";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import type {
  AccountActionResult,
  AccountIntent,
  AccountPageData,
  TwoFactorSetup,
} from "../account/action-result";
import { problemOf, rethrowAsResponse } from "./http-errors";
import { qrCodeDataUrl } from "./qr-code";
import { requireUser } from "./session";

const intents: readonly AccountIntent[] = [
  "name",
  "time-zone",
  "password",
  "two-factor-begin",
  "two-factor-enable",
  "two-factor-disable",
];

function intentOf(form: FormData): AccountIntent | null {
  const intent = String(form.get("intent") ?? "");
  return intents.find((known) => known === intent) ?? null;
}

/** Every zone Intl knows, with UTC, and the person's own even if it is an older alias. */
function knownTimeZones(chosen: string | null): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  if (chosen) zones.add(chosen);
  return [...zones].sort();
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/**
 * The account page both apps share: the person's name and password, and two-factor sign-in for
 * managers and operators. Plain forms, one `intent` each, so it works without JavaScript.
 */
export function accountRoutes(app: AppKind) {
  return {
    async loader({ request }: LoaderFunctionArgs) {
      const { api, user, organization, headers } = await requireUser(app, request);
      const staff = user.kind === "manager" || user.kind === "operator";
      const twoFactor = staff ? await api.twoFactor.status() : null;
      const page: AccountPageData = {
        user: { displayName: user.displayName, email: user.email, kind: user.kind },
        organizationName: organization?.name ?? null,
        timeZone: user.timeZone,
        timeZones: knownTimeZones(user.timeZone),
        organizationTimeZone: organization?.timezone ?? null,
        twoFactor: twoFactor
          ? { enabled: twoFactor.enabled, enabledAt: twoFactor.enabledAt?.toISOString() ?? null }
          : null,
      };
      return data(page, { headers });
    },

    async action({ request }: ActionFunctionArgs) {
      const { api, headers } = await requireUser(app, request);
      const form = await request.formData();
      const intent = intentOf(form);
      if (!intent)
        throw data({ message: "Unknown form.", fieldErrors: {} }, { status: 400, headers });
      const answer = (result: Omit<AccountActionResult, "intent">, status = 200) =>
        data<AccountActionResult>({ intent, ...result }, { status, headers });
      const done = (message: string, setup: TwoFactorSetup | null = null) =>
        answer({ ok: true, message, fieldErrors: {}, setup });
      // The secret being set up rides along in the enable form, so a wrong code shows it again.
      const pendingSetup = async (): Promise<TwoFactorSetup | null> => {
        const secret = text(form, "secret");
        const otpauthUrl = text(form, "otpauthUrl");
        if (!secret || !otpauthUrl.startsWith("otpauth://")) return null;
        return { secret, otpauthUrl, qrDataUrl: await qrCodeDataUrl(otpauthUrl) };
      };
      try {
        switch (intent) {
          case "name": {
            const { displayName } = await api.account.changeName({
              displayName: text(form, "displayName"),
            });
            return done(`Your name is now “${displayName}”.`);
          }
          case "time-zone": {
            const chosen = text(form, "timeZone");
            const { timeZone } = await api.account.changeTimeZone({
              timeZone: chosen === "" ? null : chosen,
            });
            return done(
              timeZone
                ? `Dates now show in ${timeZone.replaceAll("_", " ")} time.`
                : "Dates now follow this device's time zone.",
            );
          }
          case "password": {
            if (text(form, "newPassword") !== text(form, "confirm"))
              return answer(
                {
                  ok: false,
                  message: "The new passwords do not match.",
                  fieldErrors: { confirm: ["The new passwords do not match."] },
                  setup: null,
                },
                400,
              );
            const { otherSessionsEnded } = await api.account.changePassword({
              currentPassword: text(form, "currentPassword"),
              newPassword: text(form, "newPassword"),
            });
            return done(
              otherSessionsEnded > 0
                ? `Password changed. ${otherSessionsEnded} other session${otherSessionsEnded === 1 ? " was" : "s were"} signed out.`
                : "Password changed.",
            );
          }
          case "two-factor-begin": {
            const { secret, otpauthUrl } = await api.twoFactor.begin();
            return done("Add this account to your authenticator app, then enter its code.", {
              secret,
              otpauthUrl,
              qrDataUrl: await qrCodeDataUrl(otpauthUrl),
            });
          }
          case "two-factor-enable": {
            try {
              await api.twoFactor.enable({ code: text(form, "code") });
            } catch (error) {
              const problem = problemOf(error);
              if (!problem) throw error;
              return answer(
                { ok: false, ...problem.body, setup: await pendingSetup() },
                problem.status,
              );
            }
            return done("Two-factor sign-in is on. You will be asked for a code when you sign in.");
          }
          case "two-factor-disable": {
            await api.twoFactor.disable({ code: text(form, "code") });
            return done("Two-factor sign-in is off.");
          }
        }
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) rethrowAsResponse(error);
        return answer({ ok: false, ...problem.body, setup: null }, problem.status);
      }
    },
  };
}
