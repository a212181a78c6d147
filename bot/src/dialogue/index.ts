export { decide, type Action, type Decision, type Notice, type ReplyIntent } from "./decide.ts";
export {
  initialDialogueState,
  focusOnService,
  emptySlots,
  type AnswerIntent,
  type DialogueState,
  type Missing,
  type PendingClarification,
  type Slots,
} from "./state.ts";
