export { NoConversationPage as default } from "@hearth/ui";
