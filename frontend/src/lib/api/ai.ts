// The AI bindings: the AI dialog (on/off, settings, the key, test connection,
// usage), the human-only switch and the resume screen suggestion with its
// preview. Every rule (who may, what is sent, what it costs) is Go's
// (app/assist); this layer only calls and types.
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
};
