/** The rules every profile starts from; a profile may replace any of them with its own. */
import type { DecisionSet } from "../decisions";
import {
  commentOnPost,
  deleteComment,
  moderateBoard,
  postToBoard,
  publishWithoutApproval,
  toggleComments,
  viewBoard,
} from "./board";
import { chooseAudience, filterAudience, receiveBroadcast, sendBroadcast } from "./broadcast";
import { replyPrivately } from "./broadcast-replies";
import { configureMaintenanceThreads, maintenanceThread, useChannel } from "./channels";
import { compose } from "./compose";
import { attachFile, chooseMessageType, markPriority, mention, scheduleSend } from "./composing";
import { changeSettings, manageTeamPermissions } from "./customer-settings";
import { acceptInboundReply, copyToEmail, deliverEmailCopy } from "./email";
import { connectionGate, leaseGate, membershipGate, subUserGate } from "./gate-decisions";
import { changeMaintenanceStatus, shareMaintenanceRequest } from "./maintenance-requests";
import {
  autoRespond,
  configureAutoResponse,
  configureBusinessHours,
  manageSharedTemplates,
  useSignature,
  useTemplates,
  viewParticipantInfo,
} from "./manager-tools";
import { seeMemberUnit } from "./member-directory";
import { messageMember } from "./member-messages";
import { deleteMessage, editMessage } from "./message-changes";
import { notify } from "./notifications";
import { seeReadReceipts } from "./read-receipts";
import { reply } from "./reply";
import { startConversation } from "./start-conversation";
import { beAssigned, handleConversation, useTeamInbox } from "./team-inbox";

/** The shared implementation of every decision, driven by the knobs. */
export const commonDecisions: DecisionSet = {
  compose,
  startConversation,
  reply,
  leaseGate,
  connectionGate,
  membershipGate,
  subUserGate,
  useChannel,
  maintenanceThread,
  configureMaintenanceThreads,
  changeMaintenanceStatus,
  shareMaintenanceRequest,
  replyPrivately,
  sendBroadcast,
  chooseAudience,
  filterAudience,
  receiveBroadcast,
  messageMember,
  seeMemberUnit,
  viewBoard,
  postToBoard,
  commentOnPost,
  toggleComments,
  deleteComment,
  moderateBoard,
  publishWithoutApproval,
  seeReadReceipts,
  editMessage,
  deleteMessage,
  attachFile,
  copyToEmail,
  deliverEmailCopy,
  acceptInboundReply,
  scheduleSend,
  useTemplates,
  manageSharedTemplates,
  useSignature,
  configureAutoResponse,
  configureBusinessHours,
  changeSettings,
  manageTeamPermissions,
  useTeamInbox,
  handleConversation,
  beAssigned,
  autoRespond,
  markPriority,
  chooseMessageType,
  mention,
  notify,
  viewParticipantInfo,
};
