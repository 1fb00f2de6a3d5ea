/**
 * @hearth/policies: policy profiles for resident messaging. Pure decisions over plain facts; the
 * API loads the facts, resolves the organization's policy and enforces what it decides.
 */

export { type Capabilities, type CapabilityFacts, capabilities } from "./capabilities";
export { type RefusalCode, refusalCodes } from "./codes";
export {
  type BroadcastOptions,
  broadcastOptions,
  type ComposerFacts,
  type ComposerOptions,
  composerOptions,
} from "./composer";
export {
  applicableCustomerChoices,
  type CustomerChoicesResult,
  type CustomerSettingWords,
  customerSettingWords,
  type GrantablePermission,
  grantablePermissions,
  organizationModeLabels,
  parseCustomerChoices,
} from "./customer-settings";
export { type Allowed, allow, type Decision, deny, type Refused } from "./decision";
export type {
  BoundDecisions,
  DecisionName,
  DecisionSet,
  InputOf,
  Rule,
  RuleSettings,
} from "./decisions";
export { describeRules, type RuleRow } from "./describe";
export * from "./facts";
export type * from "./inputs";
export {
  type AudienceFilter,
  type AudienceType,
  audienceFilters,
  audienceTypes,
  type Channel,
  channels,
  type KnobName,
  type Knobs,
  knobNames,
  knobsSchema,
  type NotificationChannel,
  notificationChannels,
  type SubUserAccess,
} from "./knobs";
/** How a board post kind reads ("job posting", "lost and found"). */
export { categoryLabels, formatBytes } from "./labels";
export { type KnobsResult, type OverrideError, parseOverrides } from "./overrides";
export {
  permissions,
  SETTINGS_PERMISSION,
  SHARED_TEMPLATES_PERMISSION,
  type SubUserCapability,
} from "./permissions";
export { createPolicy, type Policy } from "./policy";
export {
  choice,
  defineProfile,
  fromSeed,
  type KnobSetting,
  type PolicyProfile,
  type ProfileSettings,
  type ProfileSpec,
  type RuleSource,
} from "./profile";
export {
  getProfile,
  listProfiles,
  profileIds,
  type ResolveResult,
  resolvePolicy,
} from "./registry";
export { type Remedy, remedyFor } from "./remedies";
export { commonDecisions } from "./rules";
export { type AttachmentLimits, checkAttachment } from "./rules/composing";
export { teamConversationKinds } from "./rules/team-inbox";
export { capitalized, channelName, type Vocabulary } from "./vocabulary";
