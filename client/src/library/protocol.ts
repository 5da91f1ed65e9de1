/**
 * The incident library's messages as the client sees them. The server declares them
 * (server/src/library/protocol.ts); the client cannot import the server, so a unit test keeps
 * these method names in step with it. Only the fields the views read are typed here.
 */
export const libraryMethods = {
  incidents: 'postmortem/incidents',
  actionItems: 'postmortem/actionItems',
  relatedIncidents: 'postmortem/relatedIncidents',
  libraryChanged: 'postmortem/libraryChanged',
  readDirectory: 'postmortem/readDirectory',
  readFiles: 'postmortem/readFiles',
} as const;

export type ActionState = 'open' | 'done' | 'overdue';

export interface ActionItem {
  readonly text: string;
  readonly line: number;
  readonly owner?: string;
  readonly due?: string;
  readonly ticket?: string;
  readonly state: ActionState;
}

export interface Incident {
  readonly uri: string;
  readonly title: string;
  readonly titleLine: number;
  readonly date?: string;
  readonly severity?: string;
  readonly services: readonly string[];
  readonly durationMinutes?: number;
  readonly ttdMinutes?: number;
  readonly ttmMinutes?: number;
  readonly ttrMinutes?: number;
  readonly actionItems: readonly ActionItem[];
}

export interface SkippedFiles {
  readonly binary: number;
  readonly tooLarge: number;
  readonly unreadable: number;
  readonly symlinkedFolders: number;
  readonly notUtf8: number;
}

export interface IncidentsResult {
  readonly incidents: readonly Incident[];
  readonly complete: boolean;
  readonly skipped: SkippedFiles;
}

export interface LibraryActionItem extends ActionItem {
  readonly uri: string;
  readonly incidentTitle: string;
  readonly incidentDate?: string;
}

export interface ActionItemsResult {
  readonly groups: readonly { readonly label: string; readonly items: readonly LibraryActionItem[] }[];
  readonly complete: boolean;
}

export interface RelatedResult {
  readonly related: readonly { readonly incident: Incident; readonly score: number; readonly sharedServices: readonly string[]; readonly sharedTerms: readonly string[] }[];
}

export type DirectoryEntryKind = 'file' | 'folder' | 'symlinkedFolder' | 'other';
