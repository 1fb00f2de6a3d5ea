import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "../components/shell";
import type { AccountActionResult, AccountPageData } from "./action-result";
import { NameForm, PasswordForm, resultFor } from "./profile-forms";
import { TimeZoneForm } from "./time-zone-form";
import { TwoFactorPanel } from "./two-factor-panel";

/** The account page of either app (`accountRoutes(app)` is its loader and action). */
export function AccountPage() {
  const { user, organizationName, twoFactor, timeZone, timeZones, organizationTimeZone } =
    useLoaderData<AccountPageData>();
  const result = useActionData<AccountActionResult>();
  return (
    <>
      <PageHeader
        title="My account"
        description={`${user.email}${organizationName ? ` · ${organizationName}` : ""}`}
      />
      <div className="space-y-6">
        <NameForm displayName={user.displayName} result={resultFor(result, "name")} />
        <TimeZoneForm
          timeZone={timeZone}
          timeZones={timeZones}
          organizationTimeZone={organizationTimeZone}
          result={resultFor(result, "time-zone")}
        />
        <PasswordForm result={resultFor(result, "password")} />
        {twoFactor ? (
          <TwoFactorPanel
            status={twoFactor}
            result={resultFor(result, [
              "two-factor-begin",
              "two-factor-enable",
              "two-factor-disable",
            ])}
          />
        ) : null}
      </div>
    </>
  );
}
