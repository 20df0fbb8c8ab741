// The AI bindings: the AI dialog (on/off, settings, the key, test connection,
// usage), the human-only switch, the resume screen suggestion with its
// preview, and the streamed debrief summary and follow-up questions. Every
// rule (who may, what is sent, what it costs) is Go's (app/assist); this
// layer only calls and types.
import * as AI from '../wailsjs/go/app/AI';
import { EventsOn } from '../wailsjs/runtime/runtime';
import type { ai, assist } from '../wailsjs/go/models';
import { toApiError } from './index';

export type AIStatus = assist.Status;
export type AISettings = assist.Settings;
export type AIPrice = ai.Price;
export type AIKeyState = assist.KeyState;
export type AIConnection = assist.Connection;
export type AIUsage = assist.UsageView;
export type AIUsageRow = assist.UsageRow;
export type AIOffer = assist.Offer;
export type AIPreview = assist.Preview;
export type AISuggestion = assist.Suggestion;
export type AIScreenResult = assist.ScreenResult;
export type AIFlag = assist.ScreenFlag;
/** The "ai:retrying" event (Go's app.Retrying): a call failed and is tried again after waitMs. */
export type AIRetrying = { applicationId: number; attempt: number; waitMs: number; why: string };
/** The window's AI features, as Go names them. */
export const FEATURE_SCREEN = 'screen';
export const FEATURE_SUMMARY = 'summary';
export const FEATURE_FOLLOWUP = 'followup';
// The streamed features (debrief summary, follow-up questions): Go decides
// who may ask and what is sent; each request streams on its own event.
export type AIStreamOffer = assist.StreamOffer;
export type AIStreamPreview = assist.StreamPreview;
export type AIStreamDone = assist.StreamDone;
export type AISummaryResult = assist.SummaryResult;
export type AISummaryNote = assist.SummaryNote;
export type AIFollowUpResult = assist.FollowUpResult;
export type AICitedSentence = ai.CitedSentence;
/** A wait before a streamed call is tried again (Go's assist.StreamRetry). */
export type AIStreamRetry = { attempt: number; waitMs: number; why: string };
/** One event of a streamed request (Go's assist.StreamEvent), on "ai:stream:<requestId>". */
export type AIStreamEvent =
  | { kind: 'delta'; text: string }
  | { kind: 'retrying'; retry: AIStreamRetry }
  | { kind: 'done'; done: AIStreamDone };

// AI quality: the second rater beside a score, its agreement with
// interviewers, and the quality view (figures all Go's).
export type AITask = assist.Task;
export type AICardOpinions = assist.CardOpinions;
export type AIOpinionSlot = assist.OpinionSlot;
export type AIOpinion = assist.Opinion;
export type AIAgreement = assist.AgreementView;
export type AIAgreementLine = assist.AgreementLine;
export type AIAgreementFigures = assist.AgreementFigures;
export type AIQuality = assist.QualityView;
export type AIQualityRow = assist.QualityRow;
export type AIQualityProbe = assist.QualityProbe;

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toApiError(e);
  }
}

export const aiApi = {
  /** On or off, the settings, where the key lives (never the key), this person's preview choice and rights. */
  status: () => call(() => AI.Status()),
  /** Recruiter only. */
  setEnabled: (on: boolean) => call(() => AI.SetEnabled(on)),
  /** Recruiter only; errors name fields (baseUrl, budgetUsd, models.screen, prices[i]). A changed price is dated today. */
  saveSettings: (s: Omit<AISettings, 'convertValues'>) => call(() => AI.SaveSettings(s as AISettings)),
  /** Recruiter only: the keyring, else memory until hirebench closes (the status says which). */
  saveKey: (key: string) => call(() => AI.SaveKey(key)),
  forgetKey: () => call(() => AI.ForgetKey()),
  /** This person's "show me what will be sent first" for a feature. */
  setAskFirst: (feature: string, ask: boolean) => call(() => AI.SetAskFirst(feature, ask)),
  /** Lists the models at baseUrl ('' = OpenAI) with the key in use; a failure is in the result, in words. */
  testConnection: (baseUrl: string) => call(() => AI.TestConnection(baseUrl)),
  /** This month's calls per day, feature and model, and the spend against the budget. */
  usage: () => call(() => AI.Usage()),
  /** Whether AI is offered for a candidate (on, not human only) and whether to preview first. */
  offer: (candidateId: number) => call(() => AI.Offer(candidateId)),
  /** Anyone may switch AI off for a candidate; switching it back on is the recruiter's. */
  setHumanOnly: (candidateId: number, on: boolean) => call(() => AI.SetHumanOnly(candidateId, on)),
  /** Exactly what a resume screen suggestion would send, its estimate, and how much is cached. */
  preview: (applicationId: number) => call(() => AI.Preview(applicationId)),
  /** Runs the suggestion; cancelled=true when cancelSuggestion stopped it (nothing filled in). */
  suggestScreen: (applicationId: number) => call(() => AI.SuggestScreen(applicationId)),
  cancelSuggestion: () => call(() => AI.CancelSuggestion()),
  onRetrying: (fn: (r: AIRetrying) => void): (() => void) => EventsOn('ai:retrying', fn),
  /** Whether "Summarise with AI" is offered on this candidate's debrief for the role, and Go's reason when not. */
  summaryOffer: (roleId: number, candidateId: number) => call(() => AI.SummaryOffer(roleId, candidateId)),
  /** Exactly what a debrief summary would send (the notes, redacted), its estimate and this month's spend. */
  summaryPreview: (roleId: number, candidateId: number) => call(() => AI.SummaryPreview(roleId, candidateId)),
  /** Starts it and resolves at once; it streams on onStream(requestId) and ends with a "done" event (the result, or Go's words in done.error). */
  suggestSummary: (requestId: string, roleId: number, candidateId: number) => call(() => AI.SuggestSummary(requestId, roleId, candidateId)),
  /** Whether follow-up questions are offered on this scorecard (its author, a draft), and why not. */
  followUpOffer: (scorecardId: number) => call(() => AI.FollowUpOffer(scorecardId)),
  followUpPreview: (scorecardId: number, questionId: string) => call(() => AI.FollowUpPreview(scorecardId, questionId)),
  /** Starts them, like suggestSummary. */
  suggestFollowUps: (requestId: string, scorecardId: number, questionId: string) =>
    call(() => AI.SuggestFollowUps(requestId, scorecardId, questionId)),
  /** Stops that one streamed request; what was shown stays, marked incomplete. */
  cancelAI: (requestId: string) => call(() => AI.CancelAI(requestId)),
  onStream: (requestId: string, fn: (e: AIStreamEvent) => void): (() => void) => EventsOn(`ai:stream:${requestId}`, fn),
  /** The AI second rater on a scorecard: per question whether it may be asked, Go's reason when not, and the levels kept. */
  opinions: (scorecardId: number) => call(() => AI.Opinions(scorecardId)),
  /** Asks the second rater about one scored question of a submitted card; a level kept already comes back without asking. */
  askOpinion: (scorecardId: number, questionId: string) => call(() => AI.AskOpinion(scorecardId, questionId)),
  /** The AI's agreement with the role's interviewers per rubric and model (ICC, alpha, n and a sentence), beside the calibration. */
  roleAgreement: (roleId: number) => call(() => AI.RoleAgreement(roleId)),
  /** The recruiter's AI quality view: per feature and model, the probes, the agreement; every figure computed in Go. */
  quality: () => call(() => AI.Quality()),
};
