export namespace ai {
	
	export class CitedSentence {
	    part: string;
	    text: string;
	    cites: string[];
	    unknown: string[];
	    unsupported: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CitedSentence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.part = source["part"];
	        this.text = source["text"];
	        this.cites = source["cites"];
	        this.unknown = source["unknown"];
	        this.unsupported = source["unsupported"];
	    }
	}
	export class FlagChange {
	    id: string;
	    green: boolean;
	    meanChange: number;
	    resumesChanged: number;
	
	    static createFrom(source: any = {}) {
	        return new FlagChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.green = source["green"];
	        this.meanChange = source["meanChange"];
	        this.resumesChanged = source["resumesChanged"];
	    }
	}
	export class GroupRate {
	    group: string;
	    names: number;
	    present: number;
	    seen: number;
	    rate: number;
	    impactRatio: number;
	    pass: boolean;
	
	    static createFrom(source: any = {}) {
	        return new GroupRate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.names = source["names"];
	        this.present = source["present"];
	        this.seen = source["seen"];
	        this.rate = source["rate"];
	        this.impactRatio = source["impactRatio"];
	        this.pass = source["pass"];
	    }
	}
	export class Message {
	    Role: string;
	    Content: string;
	
	    static createFrom(source: any = {}) {
	        return new Message(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.Role = source["Role"];
	        this.Content = source["Content"];
	    }
	}
	export class Price {
	    model: string;
	    inputPerMTok: number;
	    outputPerMTok: number;
	    asOf: string;
	
	    static createFrom(source: any = {}) {
	        return new Price(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = source["model"];
	        this.inputPerMTok = source["inputPerMTok"];
	        this.outputPerMTok = source["outputPerMTok"];
	        this.asOf = source["asOf"];
	    }
	}

}

export namespace app {
	
	export class BackupStatus {
	    snapshots: backup.Snapshot[];
	    keep: number;
	    maxKeep: number;
	    lastSaved: string;
	    rights: backup.Rights;
	
	    static createFrom(source: any = {}) {
	        return new BackupStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.snapshots = this.convertValues(source["snapshots"], backup.Snapshot);
	        this.keep = source["keep"];
	        this.maxKeep = source["maxKeep"];
	        this.lastSaved = source["lastSaved"];
	        this.rights = this.convertValues(source["rights"], backup.Rights);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BundleResult {
	    saved: boolean;
	    path: string;
	    summary: bundle.Summary;
	
	    static createFrom(source: any = {}) {
	        return new BundleResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.saved = source["saved"];
	        this.path = source["path"];
	        this.summary = this.convertValues(source["summary"], bundle.Summary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportResult {
	    saved: boolean;
	    cancelled: boolean;
	    path: string;
	    candidates: number;
	    rows: number;
	
	    static createFrom(source: any = {}) {
	        return new ExportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.saved = source["saved"];
	        this.cancelled = source["cancelled"];
	        this.path = source["path"];
	        this.candidates = source["candidates"];
	        this.rows = source["rows"];
	    }
	}
	export class ImportFile {
	    token: string;
	    name: string;
	    size: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.name = source["name"];
	        this.size = source["size"];
	    }
	}
	export class ImportPreview {
	    headers: string[];
	    sheets: string[];
	    sheet: string;
	    mapping: {[key: string]: number};
	    fields: string[];
	    rows: importer.PreviewRow[];
	    totalRows: number;
	    errors: importer.CellError[];
	    moreErrors: number;
	    counts: importer.Counts;
	    skips: model.ImportSkip[];
	    jobs: importer.JobMatch[];
	    moreJobs: number;
	    stages: importer.StageMatch[];
	    moreStages: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.headers = source["headers"];
	        this.sheets = source["sheets"];
	        this.sheet = source["sheet"];
	        this.mapping = source["mapping"];
	        this.fields = source["fields"];
	        this.rows = this.convertValues(source["rows"], importer.PreviewRow);
	        this.totalRows = source["totalRows"];
	        this.errors = this.convertValues(source["errors"], importer.CellError);
	        this.moreErrors = source["moreErrors"];
	        this.counts = this.convertValues(source["counts"], importer.Counts);
	        this.skips = this.convertValues(source["skips"], model.ImportSkip);
	        this.jobs = this.convertValues(source["jobs"], importer.JobMatch);
	        this.moreJobs = source["moreJobs"];
	        this.stages = this.convertValues(source["stages"], importer.StageMatch);
	        this.moreStages = source["moreStages"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportRequest {
	    token: string;
	    sheet: string;
	    mapping: {[key: string]: number};
	    policy: string;
	    roleId: number;
	    validOnly: boolean;
	    jobs: importer.JobChoice[];
	    stages: importer.StageChoice[];
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.sheet = source["sheet"];
	        this.mapping = source["mapping"];
	        this.policy = source["policy"];
	        this.roleId = source["roleId"];
	        this.validOnly = source["validOnly"];
	        this.jobs = this.convertValues(source["jobs"], importer.JobChoice);
	        this.stages = this.convertValues(source["stages"], importer.StageChoice);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Info {
	    version: string;
	    dataDir: string;
	    databasePath: string;
	    schemaVersion: number;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.dataDir = source["dataDir"];
	        this.databasePath = source["databasePath"];
	        this.schemaVersion = source["schemaVersion"];
	    }
	}
	export class RestoreChoice {
	    token: string;
	    facts: backup.Facts;
	
	    static createFrom(source: any = {}) {
	        return new RestoreChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.facts = this.convertValues(source["facts"], backup.Facts);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SubjectResult {
	    saved: boolean;
	    name: string;
	    records: number;
	    attachments: number;
	
	    static createFrom(source: any = {}) {
	        return new SubjectResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.saved = source["saved"];
	        this.name = source["name"];
	        this.records = source["records"];
	        this.attachments = source["attachments"];
	    }
	}

}

export namespace assist {
	
	export class AgreementFigures {
	    name: string;
	    scale: string;
	    n: number;
	    candidates: number;
	    enough: boolean;
	    moreAnswers: number;
	    moreCandidates: number;
	    icc?: number;
	    alpha?: number;
	    humansN: number;
	    humansIcc?: number;
	    humansAlpha?: number;
	    says: string;
	
	    static createFrom(source: any = {}) {
	        return new AgreementFigures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.scale = source["scale"];
	        this.n = source["n"];
	        this.candidates = source["candidates"];
	        this.enough = source["enough"];
	        this.moreAnswers = source["moreAnswers"];
	        this.moreCandidates = source["moreCandidates"];
	        this.icc = source["icc"];
	        this.alpha = source["alpha"];
	        this.humansN = source["humansN"];
	        this.humansIcc = source["humansIcc"];
	        this.humansAlpha = source["humansAlpha"];
	        this.says = source["says"];
	    }
	}
	export class AgreementLine {
	    rubricId: number;
	    rubric: string;
	    model: string;
	    promptVersions: string[];
	    pooled: AgreementFigures[];
	    competencies: AgreementFigures[];
	
	    static createFrom(source: any = {}) {
	        return new AgreementLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rubricId = source["rubricId"];
	        this.rubric = source["rubric"];
	        this.model = source["model"];
	        this.promptVersions = source["promptVersions"];
	        this.pooled = this.convertValues(source["pooled"], AgreementFigures);
	        this.competencies = this.convertValues(source["competencies"], AgreementFigures);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AgreementView {
	    roleId: number;
	    lines: AgreementLine[];
	    iccLabel: string;
	    alphaLabel: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new AgreementView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roleId = source["roleId"];
	        this.lines = this.convertValues(source["lines"], AgreementLine);
	        this.iccLabel = source["iccLabel"];
	        this.alphaLabel = source["alphaLabel"];
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Opinion {
	    questionId: string;
	    level: number;
	    label: string;
	    anchor: string;
	    fragments: storage.AIFragment[];
	    dropped: number;
	    humanLevel: number;
	    says: string;
	    model: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new Opinion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.questionId = source["questionId"];
	        this.level = source["level"];
	        this.label = source["label"];
	        this.anchor = source["anchor"];
	        this.fragments = this.convertValues(source["fragments"], storage.AIFragment);
	        this.dropped = source["dropped"];
	        this.humanLevel = source["humanLevel"];
	        this.says = source["says"];
	        this.model = source["model"];
	        this.at = source["at"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OpinionSlot {
	    questionId: string;
	    ask: boolean;
	    note: string;
	    opinion?: Opinion;
	
	    static createFrom(source: any = {}) {
	        return new OpinionSlot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.questionId = source["questionId"];
	        this.ask = source["ask"];
	        this.note = source["note"];
	        this.opinion = this.convertValues(source["opinion"], Opinion);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CardOpinions {
	    scorecardId: number;
	    show: boolean;
	    note: string;
	    questions: OpinionSlot[];
	
	    static createFrom(source: any = {}) {
	        return new CardOpinions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scorecardId = source["scorecardId"];
	        this.show = source["show"];
	        this.note = source["note"];
	        this.questions = this.convertValues(source["questions"], OpinionSlot);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Connection {
	    ok: boolean;
	    endpoint: string;
	    models: string[];
	    latencyMs: number;
	    hasModel: boolean;
	    model: string;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new Connection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.endpoint = source["endpoint"];
	        this.models = source["models"];
	        this.latencyMs = source["latencyMs"];
	        this.hasModel = source["hasModel"];
	        this.model = source["model"];
	        this.problem = source["problem"];
	    }
	}
	export class FollowUpResult {
	    scorecardId: number;
	    questionId: string;
	    text: string;
	    incomplete: boolean;
	    questions: string[];
	    dropped: number;
	    cached: boolean;
	    model: string;
	    promptVersion: string;
	    fingerprint: string;
	    tokens_in: number;
	    tokens_out: number;
	    cost_usd: number;
	    estimate_usd: number;
	    attempts: number;
	    repaired: boolean;
	    redacted: {[key: string]: number};
	
	    static createFrom(source: any = {}) {
	        return new FollowUpResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scorecardId = source["scorecardId"];
	        this.questionId = source["questionId"];
	        this.text = source["text"];
	        this.incomplete = source["incomplete"];
	        this.questions = source["questions"];
	        this.dropped = source["dropped"];
	        this.cached = source["cached"];
	        this.model = source["model"];
	        this.promptVersion = source["promptVersion"];
	        this.fingerprint = source["fingerprint"];
	        this.tokens_in = source["tokens_in"];
	        this.tokens_out = source["tokens_out"];
	        this.cost_usd = source["cost_usd"];
	        this.estimate_usd = source["estimate_usd"];
	        this.attempts = source["attempts"];
	        this.repaired = source["repaired"];
	        this.redacted = source["redacted"];
	    }
	}
	export class KeyState {
	    source: string;
	    last4: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new KeyState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.last4 = source["last4"];
	        this.note = source["note"];
	    }
	}
	export class Offer {
	    candidateId: number;
	    enabled: boolean;
	    humanOnly: boolean;
	    humanOnlyNote: string;
	    suggest: boolean;
	    askFirst: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Offer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.candidateId = source["candidateId"];
	        this.enabled = source["enabled"];
	        this.humanOnly = source["humanOnly"];
	        this.humanOnlyNote = source["humanOnlyNote"];
	        this.suggest = source["suggest"];
	        this.askFirst = source["askFirst"];
	    }
	}
	
	
	export class Preview {
	    applicationId: number;
	    model: string;
	    promptVersion: string;
	    endpoint: string;
	    messages: ai.Message[];
	    resume: string;
	    redacted: {[key: string]: number};
	    flags: number;
	    runs: number;
	    cached: number;
	    tokensIn: number;
	    tokensOut: number;
	    estimateUsd: number;
	    priceKnown: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applicationId = source["applicationId"];
	        this.model = source["model"];
	        this.promptVersion = source["promptVersion"];
	        this.endpoint = source["endpoint"];
	        this.messages = this.convertValues(source["messages"], ai.Message);
	        this.resume = source["resume"];
	        this.redacted = source["redacted"];
	        this.flags = source["flags"];
	        this.runs = source["runs"];
	        this.cached = source["cached"];
	        this.tokensIn = source["tokensIn"];
	        this.tokensOut = source["tokensOut"];
	        this.estimateUsd = source["estimateUsd"];
	        this.priceKnown = source["priceKnown"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProbeGoals {
	    tolerance: number;
	    stableShare: number;
	    impactRatio: number;
	
	    static createFrom(source: any = {}) {
	        return new ProbeGoals(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tolerance = source["tolerance"];
	        this.stableShare = source["stableShare"];
	        this.impactRatio = source["impactRatio"];
	    }
	}
	export class QualityProbe {
	    promptVersion: string;
	    model: string;
	    at: string;
	    resumes: number;
	    names: number;
	    resumesMoved: number;
	    maxChange: number;
	    stableShare: number;
	    stablePass: boolean;
	    flagsMoved: ai.FlagChange[];
	    groups: ai.GroupRate[];
	    lowestGroup: string;
	    lowestRatio: number;
	    impactPass: boolean;
	    goals: ProbeGoals;
	    pass: boolean;
	    current: boolean;
	    says: string;
	
	    static createFrom(source: any = {}) {
	        return new QualityProbe(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.promptVersion = source["promptVersion"];
	        this.model = source["model"];
	        this.at = source["at"];
	        this.resumes = source["resumes"];
	        this.names = source["names"];
	        this.resumesMoved = source["resumesMoved"];
	        this.maxChange = source["maxChange"];
	        this.stableShare = source["stableShare"];
	        this.stablePass = source["stablePass"];
	        this.flagsMoved = this.convertValues(source["flagsMoved"], ai.FlagChange);
	        this.groups = this.convertValues(source["groups"], ai.GroupRate);
	        this.lowestGroup = source["lowestGroup"];
	        this.lowestRatio = source["lowestRatio"];
	        this.impactPass = source["impactPass"];
	        this.goals = this.convertValues(source["goals"], ProbeGoals);
	        this.pass = source["pass"];
	        this.current = source["current"];
	        this.says = source["says"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class QualityRow {
	    feature: string;
	    label: string;
	    model: string;
	    calls: number;
	    cached: number;
	    cacheHitRate: number;
	    failed: number;
	    failureRate: number;
	    tokensIn: number;
	    tokensOut: number;
	    costUsd: number;
	    checked: number;
	    quotes: number;
	    verified: number;
	    dropped: number;
	    verifiedShare: number;
	    items: number;
	    uncertain: number;
	    uncertainRate: number;
	    repairs: number;
	
	    static createFrom(source: any = {}) {
	        return new QualityRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.feature = source["feature"];
	        this.label = source["label"];
	        this.model = source["model"];
	        this.calls = source["calls"];
	        this.cached = source["cached"];
	        this.cacheHitRate = source["cacheHitRate"];
	        this.failed = source["failed"];
	        this.failureRate = source["failureRate"];
	        this.tokensIn = source["tokensIn"];
	        this.tokensOut = source["tokensOut"];
	        this.costUsd = source["costUsd"];
	        this.checked = source["checked"];
	        this.quotes = source["quotes"];
	        this.verified = source["verified"];
	        this.dropped = source["dropped"];
	        this.verifiedShare = source["verifiedShare"];
	        this.items = source["items"];
	        this.uncertain = source["uncertain"];
	        this.uncertainRate = source["uncertainRate"];
	        this.repairs = source["repairs"];
	    }
	}
	export class QualityView {
	    features: QualityRow[];
	    probes: QualityProbe[];
	    probeNote: string;
	    agreement: AgreementView;
	
	    static createFrom(source: any = {}) {
	        return new QualityView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.features = this.convertValues(source["features"], QualityRow);
	        this.probes = this.convertValues(source["probes"], QualityProbe);
	        this.probeNote = source["probeNote"];
	        this.agreement = this.convertValues(source["agreement"], AgreementView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Rights {
	    manage: boolean;
	    manageNote: string;
	
	    static createFrom(source: any = {}) {
	        return new Rights(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.manage = source["manage"];
	        this.manageNote = source["manageNote"];
	    }
	}
	export class ScreenFlag {
	    id: string;
	    status: string;
	    quote: string;
	    reason: string;
	    verified: boolean;
	    start: number;
	    end: number;
	    uncertain: boolean;
	    seen: string[];
	
	    static createFrom(source: any = {}) {
	        return new ScreenFlag(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.status = source["status"];
	        this.quote = source["quote"];
	        this.reason = source["reason"];
	        this.verified = source["verified"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.uncertain = source["uncertain"];
	        this.seen = source["seen"];
	    }
	}
	export class ScreenResult {
	    applicationId: number;
	    rubricVersionId: number;
	    flags: ScreenFlag[];
	    runs: number;
	    uncertain: number;
	    quotes: number;
	    dropped: number;
	    cached: boolean;
	    model: string;
	    promptVersion: string;
	    fingerprint: string;
	    tokens_in: number;
	    tokens_out: number;
	    cost_usd: number;
	    estimate_tokens_in: number;
	    estimate_tokens_out: number;
	    estimate_usd: number;
	    attempts: number;
	    repaired: boolean;
	    redacted: {[key: string]: number};
	
	    static createFrom(source: any = {}) {
	        return new ScreenResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applicationId = source["applicationId"];
	        this.rubricVersionId = source["rubricVersionId"];
	        this.flags = this.convertValues(source["flags"], ScreenFlag);
	        this.runs = source["runs"];
	        this.uncertain = source["uncertain"];
	        this.quotes = source["quotes"];
	        this.dropped = source["dropped"];
	        this.cached = source["cached"];
	        this.model = source["model"];
	        this.promptVersion = source["promptVersion"];
	        this.fingerprint = source["fingerprint"];
	        this.tokens_in = source["tokens_in"];
	        this.tokens_out = source["tokens_out"];
	        this.cost_usd = source["cost_usd"];
	        this.estimate_tokens_in = source["estimate_tokens_in"];
	        this.estimate_tokens_out = source["estimate_tokens_out"];
	        this.estimate_usd = source["estimate_usd"];
	        this.attempts = source["attempts"];
	        this.repaired = source["repaired"];
	        this.redacted = source["redacted"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Settings {
	    baseUrl: string;
	    models: {[key: string]: string};
	    budgetUsd: number;
	    prices: ai.Price[];
	    temperature: number;
	    seed: number;
	    maxTokens: number;
	    runs: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.baseUrl = source["baseUrl"];
	        this.models = source["models"];
	        this.budgetUsd = source["budgetUsd"];
	        this.prices = this.convertValues(source["prices"], ai.Price);
	        this.temperature = source["temperature"];
	        this.seed = source["seed"];
	        this.maxTokens = source["maxTokens"];
	        this.runs = source["runs"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Task {
	    feature: string;
	    label: string;
	    defaultModel: string;
	
	    static createFrom(source: any = {}) {
	        return new Task(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.feature = source["feature"];
	        this.label = source["label"];
	        this.defaultModel = source["defaultModel"];
	    }
	}
	export class Status {
	    enabled: boolean;
	    settings: Settings;
	    key: KeyState;
	    askFirst: boolean;
	    rights: Rights;
	    tasks: Task[];
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.settings = this.convertValues(source["settings"], Settings);
	        this.key = this.convertValues(source["key"], KeyState);
	        this.askFirst = source["askFirst"];
	        this.rights = this.convertValues(source["rights"], Rights);
	        this.tasks = this.convertValues(source["tasks"], Task);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SummaryInterviewer {
	    label: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new SummaryInterviewer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.name = source["name"];
	    }
	}
	export class SummaryNote {
	    id: string;
	    interviewer: string;
	    round: string;
	    topic: string;
	    score: string;
	    text: string;
	    scorecardId: number;
	    questionId: string;
	
	    static createFrom(source: any = {}) {
	        return new SummaryNote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.interviewer = source["interviewer"];
	        this.round = source["round"];
	        this.topic = source["topic"];
	        this.score = source["score"];
	        this.text = source["text"];
	        this.scorecardId = source["scorecardId"];
	        this.questionId = source["questionId"];
	    }
	}
	export class SummaryResult {
	    applicationId: number;
	    text: string;
	    incomplete: boolean;
	    notes: SummaryNote[];
	    scorecards: number;
	    interviewers: SummaryInterviewer[];
	    sentences: ai.CitedSentence[];
	    supported: number;
	    unsupported: number;
	    cached: boolean;
	    model: string;
	    promptVersion: string;
	    fingerprint: string;
	    tokens_in: number;
	    tokens_out: number;
	    cost_usd: number;
	    estimate_usd: number;
	    attempts: number;
	    repaired: boolean;
	    redacted: {[key: string]: number};
	
	    static createFrom(source: any = {}) {
	        return new SummaryResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applicationId = source["applicationId"];
	        this.text = source["text"];
	        this.incomplete = source["incomplete"];
	        this.notes = this.convertValues(source["notes"], SummaryNote);
	        this.scorecards = source["scorecards"];
	        this.interviewers = this.convertValues(source["interviewers"], SummaryInterviewer);
	        this.sentences = this.convertValues(source["sentences"], ai.CitedSentence);
	        this.supported = source["supported"];
	        this.unsupported = source["unsupported"];
	        this.cached = source["cached"];
	        this.model = source["model"];
	        this.promptVersion = source["promptVersion"];
	        this.fingerprint = source["fingerprint"];
	        this.tokens_in = source["tokens_in"];
	        this.tokens_out = source["tokens_out"];
	        this.cost_usd = source["cost_usd"];
	        this.estimate_usd = source["estimate_usd"];
	        this.attempts = source["attempts"];
	        this.repaired = source["repaired"];
	        this.redacted = source["redacted"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StreamDone {
	    requestId: string;
	    cancelled: boolean;
	    problem: string;
	    error: string;
	    summary?: SummaryResult;
	    followUps?: FollowUpResult;
	
	    static createFrom(source: any = {}) {
	        return new StreamDone(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requestId = source["requestId"];
	        this.cancelled = source["cancelled"];
	        this.problem = source["problem"];
	        this.error = source["error"];
	        this.summary = this.convertValues(source["summary"], SummaryResult);
	        this.followUps = this.convertValues(source["followUps"], FollowUpResult);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StreamOffer {
	    enabled: boolean;
	    offered: boolean;
	    reason: string;
	    askFirst: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StreamOffer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.offered = source["offered"];
	        this.reason = source["reason"];
	        this.askFirst = source["askFirst"];
	    }
	}
	export class StreamPreview {
	    feature: string;
	    model: string;
	    promptVersion: string;
	    endpoint: string;
	    messages: ai.Message[];
	    redacted: {[key: string]: number};
	    notes: number;
	    cached: boolean;
	    tokensIn: number;
	    tokensOut: number;
	    estimateUsd: number;
	    priceKnown: boolean;
	    spentUsd: number;
	    budgetUsd: number;
	
	    static createFrom(source: any = {}) {
	        return new StreamPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.feature = source["feature"];
	        this.model = source["model"];
	        this.promptVersion = source["promptVersion"];
	        this.endpoint = source["endpoint"];
	        this.messages = this.convertValues(source["messages"], ai.Message);
	        this.redacted = source["redacted"];
	        this.notes = source["notes"];
	        this.cached = source["cached"];
	        this.tokensIn = source["tokensIn"];
	        this.tokensOut = source["tokensOut"];
	        this.estimateUsd = source["estimateUsd"];
	        this.priceKnown = source["priceKnown"];
	        this.spentUsd = source["spentUsd"];
	        this.budgetUsd = source["budgetUsd"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Suggestion {
	    cancelled: boolean;
	    result: ScreenResult;
	
	    static createFrom(source: any = {}) {
	        return new Suggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cancelled = source["cancelled"];
	        this.result = this.convertValues(source["result"], ScreenResult);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	export class UsageRow {
	    day: string;
	    feature: string;
	    model: string;
	    calls: number;
	    cached: number;
	    failed: number;
	    tokensIn: number;
	    tokensOut: number;
	    costUsd: number;
	
	    static createFrom(source: any = {}) {
	        return new UsageRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.feature = source["feature"];
	        this.model = source["model"];
	        this.calls = source["calls"];
	        this.cached = source["cached"];
	        this.failed = source["failed"];
	        this.tokensIn = source["tokensIn"];
	        this.tokensOut = source["tokensOut"];
	        this.costUsd = source["costUsd"];
	    }
	}
	export class UsageView {
	    since: string;
	    rows: UsageRow[];
	    monthUsd: number;
	    budgetUsd: number;
	
	    static createFrom(source: any = {}) {
	        return new UsageView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.since = source["since"];
	        this.rows = this.convertValues(source["rows"], UsageRow);
	        this.monthUsd = source["monthUsd"];
	        this.budgetUsd = source["budgetUsd"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace backup {
	
	export class Facts {
	    name: string;
	    schema: number;
	    upgrade: boolean;
	    bytes: number;
	    modified: string;
	    candidates: number;
	    roles: number;
	    currentCandidates: number;
	    currentRoles: number;
	    erasedAgain: number;
	    anonymisedAgain: number;
	    again: string;
	
	    static createFrom(source: any = {}) {
	        return new Facts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.schema = source["schema"];
	        this.upgrade = source["upgrade"];
	        this.bytes = source["bytes"];
	        this.modified = source["modified"];
	        this.candidates = source["candidates"];
	        this.roles = source["roles"];
	        this.currentCandidates = source["currentCandidates"];
	        this.currentRoles = source["currentRoles"];
	        this.erasedAgain = source["erasedAgain"];
	        this.anonymisedAgain = source["anonymisedAgain"];
	        this.again = source["again"];
	    }
	}
	export class Restored {
	    name: string;
	    schema: number;
	    upgrade: boolean;
	    bytes: number;
	    modified: string;
	    candidates: number;
	    roles: number;
	    currentCandidates: number;
	    currentRoles: number;
	    erasedAgain: number;
	    anonymisedAgain: number;
	    again: string;
	    keptAs: string;
	
	    static createFrom(source: any = {}) {
	        return new Restored(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.schema = source["schema"];
	        this.upgrade = source["upgrade"];
	        this.bytes = source["bytes"];
	        this.modified = source["modified"];
	        this.candidates = source["candidates"];
	        this.roles = source["roles"];
	        this.currentCandidates = source["currentCandidates"];
	        this.currentRoles = source["currentRoles"];
	        this.erasedAgain = source["erasedAgain"];
	        this.anonymisedAgain = source["anonymisedAgain"];
	        this.again = source["again"];
	        this.keptAs = source["keptAs"];
	    }
	}
	export class Rights {
	    mayBackUp: boolean;
	    mayRestore: boolean;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Rights(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mayBackUp = source["mayBackUp"];
	        this.mayRestore = source["mayRestore"];
	        this.note = source["note"];
	    }
	}
	export class Saved {
	    path: string;
	    name: string;
	    bytes: number;
	    time: string;
	    schema: number;
	
	    static createFrom(source: any = {}) {
	        return new Saved(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.bytes = source["bytes"];
	        this.time = source["time"];
	        this.schema = source["schema"];
	    }
	}
	export class Snapshot {
	    name: string;
	    time: string;
	    bytes: number;
	
	    static createFrom(source: any = {}) {
	        return new Snapshot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.time = source["time"];
	        this.bytes = source["bytes"];
	    }
	}

}

export namespace bundle {
	
	export class Counts {
	    roles: number;
	    stages: number;
	    rounds: number;
	    rubrics: number;
	    rubricVersions: number;
	    candidates: number;
	    applications: number;
	    attachments: number;
	    scorecards: number;
	    revisions: number;
	    profiles: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roles = source["roles"];
	        this.stages = source["stages"];
	        this.rounds = source["rounds"];
	        this.rubrics = source["rubrics"];
	        this.rubricVersions = source["rubricVersions"];
	        this.candidates = source["candidates"];
	        this.applications = source["applications"];
	        this.attachments = source["attachments"];
	        this.scorecards = source["scorecards"];
	        this.revisions = source["revisions"];
	        this.profiles = source["profiles"];
	    }
	}
	export class ImportReport {
	    format: string;
	    scope: string;
	    author?: string;
	    createdAt: string;
	    appVersion: string;
	    created: Counts;
	    unchanged: Counts;
	    conflicts: string[];
	    refused: string[];
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.scope = source["scope"];
	        this.author = source["author"];
	        this.createdAt = source["createdAt"];
	        this.appVersion = source["appVersion"];
	        this.created = this.convertValues(source["created"], Counts);
	        this.unchanged = this.convertValues(source["unchanged"], Counts);
	        this.conflicts = source["conflicts"];
	        this.refused = source["refused"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Summary {
	    format: string;
	    createdAt: string;
	    scope: string;
	    author?: string;
	    counts: Counts;
	    bytes: number;
	    skipped: string[];
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.createdAt = source["createdAt"];
	        this.scope = source["scope"];
	        this.author = source["author"];
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.bytes = source["bytes"];
	        this.skipped = source["skipped"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace drill {
	
	export class Misread {
	    sampleId: string;
	    questionId: string;
	    prompt: string;
	    answer: string;
	    reference: number;
	    referenceLabel: string;
	    referenceAnchor: string;
	    given: number;
	    givenLabel: string;
	    givenAnchor: string;
	
	    static createFrom(source: any = {}) {
	        return new Misread(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sampleId = source["sampleId"];
	        this.questionId = source["questionId"];
	        this.prompt = source["prompt"];
	        this.answer = source["answer"];
	        this.reference = source["reference"];
	        this.referenceLabel = source["referenceLabel"];
	        this.referenceAnchor = source["referenceAnchor"];
	        this.given = source["given"];
	        this.givenLabel = source["givenLabel"];
	        this.givenAnchor = source["givenAnchor"];
	    }
	}
	export class Result {
	    scored: number;
	    total: number;
	    complete: boolean;
	    exact: number;
	    adjacent: number;
	    bias: number;
	    biasWords: string;
	    misreads: Misread[];
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scored = source["scored"];
	        this.total = source["total"];
	        this.complete = source["complete"];
	        this.exact = source["exact"];
	        this.adjacent = source["adjacent"];
	        this.bias = source["bias"];
	        this.biasWords = source["biasWords"];
	        this.misreads = this.convertValues(source["misreads"], Misread);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Sample {
	    id: string;
	    questionId: string;
	    index: number;
	    competency: string;
	    prompt: string;
	    answer: string;
	    anchors: string[];
	
	    static createFrom(source: any = {}) {
	        return new Sample(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.questionId = source["questionId"];
	        this.index = source["index"];
	        this.competency = source["competency"];
	        this.prompt = source["prompt"];
	        this.answer = source["answer"];
	        this.anchors = source["anchors"];
	    }
	}

}

export namespace fairness {
	
	export class MeanDifference {
	    n_a: number;
	    n_b: number;
	    mean_a: number;
	    mean_b: number;
	    difference: number;
	    ci?: number[];
	    df: number;
	    d?: number;
	
	    static createFrom(source: any = {}) {
	        return new MeanDifference(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.n_a = source["n_a"];
	        this.n_b = source["n_b"];
	        this.mean_a = source["mean_a"];
	        this.mean_b = source["mean_b"];
	        this.difference = source["difference"];
	        this.ci = source["ci"];
	        this.df = source["df"];
	        this.d = source["d"];
	    }
	}
	export class MeanRow {
	    group: string;
	    n: number;
	    mean: number;
	    too_few: boolean;
	    vs_rest?: MeanDifference;
	
	    static createFrom(source: any = {}) {
	        return new MeanRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.n = source["n"];
	        this.mean = source["mean"];
	        this.too_few = source["too_few"];
	        this.vs_rest = this.convertValues(source["vs_rest"], MeanDifference);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Row {
	    group: string;
	    n: number;
	    selected: number;
	    rate: number;
	    impact_ratio?: number;
	    four_fifths_flag: boolean;
	    fisher_p?: number;
	    too_few: boolean;
	    verdict: string;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.n = source["n"];
	        this.selected = source["selected"];
	        this.rate = source["rate"];
	        this.impact_ratio = source["impact_ratio"];
	        this.four_fifths_flag = source["four_fifths_flag"];
	        this.fisher_p = source["fisher_p"];
	        this.too_few = source["too_few"];
	        this.verdict = source["verdict"];
	    }
	}
	export class Report {
	    groups: Row[];
	    n: number;
	    selected: number;
	    highest: string[];
	    min_n: number;
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groups = this.convertValues(source["groups"], Row);
	        this.n = source["n"];
	        this.selected = source["selected"];
	        this.highest = source["highest"];
	        this.min_n = source["min_n"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace importer {
	
	export class CellError {
	    row: number;
	    column: string;
	    field: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new CellError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.column = source["column"];
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}
	export class Counts {
	    rows: number;
	    create: number;
	    merge: number;
	    skip: number;
	    error: number;
	    import: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = source["rows"];
	        this.create = source["create"];
	        this.merge = source["merge"];
	        this.skip = source["skip"];
	        this.error = source["error"];
	        this.import = source["import"];
	    }
	}
	export class JobChoice {
	    job: string;
	    roleId: number;
	
	    static createFrom(source: any = {}) {
	        return new JobChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.job = source["job"];
	        this.roleId = source["roleId"];
	    }
	}
	export class JobMatch {
	    job: string;
	    rows: number;
	    roleId: number;
	    role: string;
	    matched: boolean;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new JobMatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.job = source["job"];
	        this.rows = source["rows"];
	        this.roleId = source["roleId"];
	        this.role = source["role"];
	        this.matched = source["matched"];
	        this.note = source["note"];
	    }
	}
	export class PreviewRow {
	    row: number;
	    input: model.CandidateInput;
	    notes: string;
	    action: string;
	    existingId: number;
	    errors: CellError[];
	    skipped: string;
	    job: string;
	    fileStage: string;
	    roleId: number;
	    role: string;
	    stageId: number;
	    stage: string;
	
	    static createFrom(source: any = {}) {
	        return new PreviewRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.input = this.convertValues(source["input"], model.CandidateInput);
	        this.notes = source["notes"];
	        this.action = source["action"];
	        this.existingId = source["existingId"];
	        this.errors = this.convertValues(source["errors"], CellError);
	        this.skipped = source["skipped"];
	        this.job = source["job"];
	        this.fileStage = source["fileStage"];
	        this.roleId = source["roleId"];
	        this.role = source["role"];
	        this.stageId = source["stageId"];
	        this.stage = source["stage"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StageChoice {
	    roleId: number;
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new StageChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roleId = source["roleId"];
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	export class StageMatch {
	    roleId: number;
	    role: string;
	    from: string;
	    rows: number;
	    stageId: number;
	    to: string;
	    matched: boolean;
	    chosen: boolean;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new StageMatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roleId = source["roleId"];
	        this.role = source["role"];
	        this.from = source["from"];
	        this.rows = source["rows"];
	        this.stageId = source["stageId"];
	        this.to = source["to"];
	        this.matched = source["matched"];
	        this.chosen = source["chosen"];
	        this.reason = source["reason"];
	    }
	}

}

export namespace interviews {
	
	export class Amendment {
	    answers: {[key: string]: scoring.Answer};
	    recommendation: string;
	    notes: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Amendment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.answers = this.convertValues(source["answers"], scoring.Answer, true);
	        this.recommendation = source["recommendation"];
	        this.notes = source["notes"];
	        this.reason = source["reason"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Identity {
	    candidateId: number;
	    name: string;
	    email: string;
	    phone: string;
	    location: string;
	    source: string;
	    links: string[];
	
	    static createFrom(source: any = {}) {
	        return new Identity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.candidateId = source["candidateId"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.location = source["location"];
	        this.source = source["source"];
	        this.links = source["links"];
	    }
	}
	export class BlindScreen {
	    applicationId: number;
	    label: string;
	    roleId: number;
	    roleTitle: string;
	    screen: scoring.Screen;
	    resumeText: string;
	    redacted: {[key: string]: number};
	    revealed: boolean;
	    candidate?: Identity;
	    other?: scoring.Screen;
	    revisions: scoring.ScreenRevision[];
	
	    static createFrom(source: any = {}) {
	        return new BlindScreen(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applicationId = source["applicationId"];
	        this.label = source["label"];
	        this.roleId = source["roleId"];
	        this.roleTitle = source["roleTitle"];
	        this.screen = this.convertValues(source["screen"], scoring.Screen);
	        this.resumeText = source["resumeText"];
	        this.redacted = source["redacted"];
	        this.revealed = source["revealed"];
	        this.candidate = this.convertValues(source["candidate"], Identity);
	        this.other = this.convertValues(source["other"], scoring.Screen);
	        this.revisions = this.convertValues(source["revisions"], scoring.ScreenRevision);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CalibrationGroup {
	    id: string;
	    name: string;
	    scale: string;
	    candidates: number;
	    items: number;
	    pairedItems: number;
	    raters: number;
	    ratings: number;
	    tooFew: boolean;
	    reason: string;
	    report?: stats.Report;
	
	    static createFrom(source: any = {}) {
	        return new CalibrationGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.scale = source["scale"];
	        this.candidates = source["candidates"];
	        this.items = source["items"];
	        this.pairedItems = source["pairedItems"];
	        this.raters = source["raters"];
	        this.ratings = source["ratings"];
	        this.tooFew = source["tooFew"];
	        this.reason = source["reason"];
	        this.report = this.convertValues(source["report"], stats.Report);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Calibration {
	    bottomLine: scoring.BottomLine;
	    pooled: CalibrationGroup[];
	    competencies: CalibrationGroup[];
	    minCandidates: number;
	    minPairedItems: number;
	    labels: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new Calibration(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.bottomLine = this.convertValues(source["bottomLine"], scoring.BottomLine);
	        this.pooled = this.convertValues(source["pooled"], CalibrationGroup);
	        this.competencies = this.convertValues(source["competencies"], CalibrationGroup);
	        this.minCandidates = source["minCandidates"];
	        this.minPairedItems = source["minPairedItems"];
	        this.labels = source["labels"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PracticeMark {
	    interviewerId: number;
	    name: string;
	    rubricName: string;
	    version: number;
	    practised: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PracticeMark(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.interviewerId = source["interviewerId"];
	        this.name = source["name"];
	        this.rubricName = source["rubricName"];
	        this.version = source["version"];
	        this.practised = source["practised"];
	    }
	}
	export class CandidateDebrief {
	    stage: string;
	    rank: number;
	    debrief: scoring.Debrief;
	    practice: PracticeMark[];
	
	    static createFrom(source: any = {}) {
	        return new CandidateDebrief(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stage = source["stage"];
	        this.rank = source["rank"];
	        this.debrief = this.convertValues(source["debrief"], scoring.Debrief);
	        this.practice = this.convertValues(source["practice"], PracticeMark);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Plan {
	    roleId: number;
	    questions: scoring.PlanQuestion[];
	    changes: scoring.WeightChange[];
	    scoringBegan: boolean;
	    fixedAt: string;
	    drift: string[];
	    changedAfterScoring: boolean;
	    weightsNote: string;
	    coverageThreshold: number;
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roleId = source["roleId"];
	        this.questions = this.convertValues(source["questions"], scoring.PlanQuestion);
	        this.changes = this.convertValues(source["changes"], scoring.WeightChange);
	        this.scoringBegan = source["scoringBegan"];
	        this.fixedAt = source["fixedAt"];
	        this.drift = source["drift"];
	        this.changedAfterScoring = source["changedAfterScoring"];
	        this.weightsNote = source["weightsNote"];
	        this.coverageThreshold = source["coverageThreshold"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PracticeDrill {
	    attemptId: number;
	    rubricId: number;
	    versionId: number;
	    version: number;
	    rubricName: string;
	    scale: rubric.Scale;
	    samples: drill.Sample[];
	    given: {[key: string]: number};
	
	    static createFrom(source: any = {}) {
	        return new PracticeDrill(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.attemptId = source["attemptId"];
	        this.rubricId = source["rubricId"];
	        this.versionId = source["versionId"];
	        this.version = source["version"];
	        this.rubricName = source["rubricName"];
	        this.scale = this.convertValues(source["scale"], rubric.Scale);
	        this.samples = this.convertValues(source["samples"], drill.Sample);
	        this.given = source["given"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PracticeOfProfile {
	    profileId: number;
	    name: string;
	    practised: boolean;
	    lastVersion: number;
	    completedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new PracticeOfProfile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.name = source["name"];
	        this.practised = source["practised"];
	        this.lastVersion = source["lastVersion"];
	        this.completedAt = source["completedAt"];
	    }
	}
	export class PracticeResult {
	    attemptId: number;
	    rubricId: number;
	    rubricName: string;
	    version: number;
	    result: drill.Result;
	
	    static createFrom(source: any = {}) {
	        return new PracticeResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.attemptId = source["attemptId"];
	        this.rubricId = source["rubricId"];
	        this.rubricName = source["rubricName"];
	        this.version = source["version"];
	        this.result = this.convertValues(source["result"], drill.Result);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PracticeStatus {
	    rubricId: number;
	    rubricName: string;
	    version: number;
	    samples: number;
	    profiles: PracticeOfProfile[];
	
	    static createFrom(source: any = {}) {
	        return new PracticeStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rubricId = source["rubricId"];
	        this.rubricName = source["rubricName"];
	        this.version = source["version"];
	        this.samples = source["samples"];
	        this.profiles = this.convertValues(source["profiles"], PracticeOfProfile);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Rights {
	    editPlan: boolean;
	    editPlanNote: string;
	    exportCommittee: boolean;
	    exportCommitteeNote: string;
	    exportWorkspace: boolean;
	    exportWorkspaceNote: string;
	    selfId: boolean;
	    selfIdNote: string;
	    outcomes: boolean;
	    outcomesNote: string;
	
	    static createFrom(source: any = {}) {
	        return new Rights(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.editPlan = source["editPlan"];
	        this.editPlanNote = source["editPlanNote"];
	        this.exportCommittee = source["exportCommittee"];
	        this.exportCommitteeNote = source["exportCommitteeNote"];
	        this.exportWorkspace = source["exportWorkspace"];
	        this.exportWorkspaceNote = source["exportWorkspaceNote"];
	        this.selfId = source["selfId"];
	        this.selfIdNote = source["selfIdNote"];
	        this.outcomes = source["outcomes"];
	        this.outcomesNote = source["outcomesNote"];
	    }
	}
	export class RoleDebrief {
	    roleId: number;
	    roleTitle: string;
	    candidates: CandidateDebrief[];
	    plan: Plan;
	    calibration: Calibration;
	    hidden: number;
	    rankNote: string;
	    exportNote: string;
	
	    static createFrom(source: any = {}) {
	        return new RoleDebrief(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roleId = source["roleId"];
	        this.roleTitle = source["roleTitle"];
	        this.candidates = this.convertValues(source["candidates"], CandidateDebrief);
	        this.plan = this.convertValues(source["plan"], Plan);
	        this.calibration = this.convertValues(source["calibration"], Calibration);
	        this.hidden = source["hidden"];
	        this.rankNote = source["rankNote"];
	        this.exportNote = source["exportNote"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RubricDraft {
	    rubricId: number;
	    rubricName: string;
	    authorName: string;
	    content: rubric.Rubric;
	    baseVersion: number;
	    stale: boolean;
	    updatedAt: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new RubricDraft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rubricId = source["rubricId"];
	        this.rubricName = source["rubricName"];
	        this.authorName = source["authorName"];
	        this.content = this.convertValues(source["content"], rubric.Rubric);
	        this.baseVersion = source["baseVersion"];
	        this.stale = source["stale"];
	        this.updatedAt = source["updatedAt"];
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RunnerPractice {
	    rubricId: number;
	    samples: number;
	    practised: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RunnerPractice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rubricId = source["rubricId"];
	        this.samples = source["samples"];
	        this.practised = source["practised"];
	    }
	}
	export class RunnerPrefs {
	    advanceAfterScore: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RunnerPrefs(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.advanceAfterScore = source["advanceAfterScore"];
	    }
	}
	export class ScorecardView {
	    card: scoring.Scorecard;
	    rubric: rubric.Rubric;
	    practice: RunnerPractice;
	
	    static createFrom(source: any = {}) {
	        return new ScorecardView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.card = this.convertValues(source["card"], scoring.Scorecard);
	        this.rubric = this.convertValues(source["rubric"], rubric.Rubric);
	        this.practice = this.convertValues(source["practice"], RunnerPractice);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ScreenAgreement {
	    roleId: number;
	    pairs: number;
	    decided: number;
	    agreed: number;
	    kappa?: number;
	    kappaNote: string;
	    marks: number;
	    alpha?: number;
	    alphaNote: string;
	
	    static createFrom(source: any = {}) {
	        return new ScreenAgreement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roleId = source["roleId"];
	        this.pairs = source["pairs"];
	        this.decided = source["decided"];
	        this.agreed = source["agreed"];
	        this.kappa = source["kappa"];
	        this.kappaNote = source["kappaNote"];
	        this.marks = source["marks"];
	        this.alpha = source["alpha"];
	        this.alphaNote = source["alphaNote"];
	    }
	}
	export class ScreenQueue {
	    applicationId: number;
	    left: number;
	
	    static createFrom(source: any = {}) {
	        return new ScreenQueue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applicationId = source["applicationId"];
	        this.left = source["left"];
	    }
	}

}

export namespace model {
	
	export class AppSummary {
	    applicationId: number;
	    roleId: number;
	    roleTitle: string;
	    stageId: number;
	    stageName: string;
	    stageKind: string;
	
	    static createFrom(source: any = {}) {
	        return new AppSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applicationId = source["applicationId"];
	        this.roleId = source["roleId"];
	        this.roleTitle = source["roleTitle"];
	        this.stageId = source["stageId"];
	        this.stageName = source["stageName"];
	        this.stageKind = source["stageKind"];
	    }
	}
	export class Application {
	    id: number;
	    candidateId: number;
	    roleId: number;
	    roleTitle: string;
	    stageId: number;
	    stageName: string;
	    stageKind: string;
	    rejectionReason: string;
	    createdAt: string;
	    enteredStageAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Application(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.candidateId = source["candidateId"];
	        this.roleId = source["roleId"];
	        this.roleTitle = source["roleTitle"];
	        this.stageId = source["stageId"];
	        this.stageName = source["stageName"];
	        this.stageKind = source["stageKind"];
	        this.rejectionReason = source["rejectionReason"];
	        this.createdAt = source["createdAt"];
	        this.enteredStageAt = source["enteredStageAt"];
	    }
	}
	export class Attachment {
	    id: number;
	    candidateId: number;
	    fileName: string;
	    mimeType: string;
	    size: number;
	    hasText: boolean;
	    createdAt: string;
	    resumeFilled?: boolean;
	    textProblem?: string;
	
	    static createFrom(source: any = {}) {
	        return new Attachment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.candidateId = source["candidateId"];
	        this.fileName = source["fileName"];
	        this.mimeType = source["mimeType"];
	        this.size = source["size"];
	        this.hasText = source["hasText"];
	        this.createdAt = source["createdAt"];
	        this.resumeFilled = source["resumeFilled"];
	        this.textProblem = source["textProblem"];
	    }
	}
	export class BoardCard {
	    applicationId: number;
	    candidateId: number;
	    name: string;
	    email: string;
	    source: string;
	    tags: string[];
	    rejectionReason: string;
	    enteredStageAt: string;
	
	    static createFrom(source: any = {}) {
	        return new BoardCard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applicationId = source["applicationId"];
	        this.candidateId = source["candidateId"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.source = source["source"];
	        this.tags = source["tags"];
	        this.rejectionReason = source["rejectionReason"];
	        this.enteredStageAt = source["enteredStageAt"];
	    }
	}
	export class BoardColumn {
	    stage: Stage;
	    cards: BoardCard[];
	    more: number;
	    next: number;
	
	    static createFrom(source: any = {}) {
	        return new BoardColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stage = this.convertValues(source["stage"], Stage);
	        this.cards = this.convertValues(source["cards"], BoardCard);
	        this.more = source["more"];
	        this.next = source["next"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Stage {
	    id: number;
	    roleId: number;
	    name: string;
	    position: number;
	    kind: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Stage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roleId = source["roleId"];
	        this.name = source["name"];
	        this.position = source["position"];
	        this.kind = source["kind"];
	        this.count = source["count"];
	    }
	}
	export class Role {
	    id: number;
	    title: string;
	    team: string;
	    location: string;
	    status: string;
	    stages: Stage[];
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Role(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.team = source["team"];
	        this.location = source["location"];
	        this.status = source["status"];
	        this.stages = this.convertValues(source["stages"], Stage);
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Board {
	    role: Role;
	    columns: BoardColumn[];
	
	    static createFrom(source: any = {}) {
	        return new Board(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.role = this.convertValues(source["role"], Role);
	        this.columns = this.convertValues(source["columns"], BoardColumn);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Candidate {
	    id: number;
	    name: string;
	    email: string;
	    phone: string;
	    location: string;
	    linkedIn: string;
	    gitHub: string;
	    portfolio: string;
	    source: string;
	    resumeText: string;
	    tags: string[];
	    createdAt: string;
	    updatedAt: string;
	    archivedAt: string;
	    version: number;
	    changedBy: string;
	
	    static createFrom(source: any = {}) {
	        return new Candidate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.location = source["location"];
	        this.linkedIn = source["linkedIn"];
	        this.gitHub = source["gitHub"];
	        this.portfolio = source["portfolio"];
	        this.source = source["source"];
	        this.resumeText = source["resumeText"];
	        this.tags = source["tags"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.archivedAt = source["archivedAt"];
	        this.version = source["version"];
	        this.changedBy = source["changedBy"];
	    }
	}
	export class StageEvent {
	    id: number;
	    applicationId: number;
	    roleTitle: string;
	    fromStage: string;
	    toStage: string;
	    actorName: string;
	    reason: string;
	    note: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new StageEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.applicationId = source["applicationId"];
	        this.roleTitle = source["roleTitle"];
	        this.fromStage = source["fromStage"];
	        this.toStage = source["toStage"];
	        this.actorName = source["actorName"];
	        this.reason = source["reason"];
	        this.note = source["note"];
	        this.at = source["at"];
	    }
	}
	export class Note {
	    id: number;
	    candidateId: number;
	    authorId: number;
	    authorName: string;
	    body: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Note(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.candidateId = source["candidateId"];
	        this.authorId = source["authorId"];
	        this.authorName = source["authorName"];
	        this.body = source["body"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class CandidateDetail {
	    candidate: Candidate;
	    applications: Application[];
	    notes: Note[];
	    history: StageEvent[];
	    attachments: Attachment[];
	
	    static createFrom(source: any = {}) {
	        return new CandidateDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.candidate = this.convertValues(source["candidate"], Candidate);
	        this.applications = this.convertValues(source["applications"], Application);
	        this.notes = this.convertValues(source["notes"], Note);
	        this.history = this.convertValues(source["history"], StageEvent);
	        this.attachments = this.convertValues(source["attachments"], Attachment);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CandidateFilter {
	    query: string;
	    roleId: number;
	    stageId: number;
	    tag: string;
	    source: string;
	    includeArchived: boolean;
	    sort: string;
	    desc: boolean;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new CandidateFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.roleId = source["roleId"];
	        this.stageId = source["stageId"];
	        this.tag = source["tag"];
	        this.source = source["source"];
	        this.includeArchived = source["includeArchived"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class CandidateInput {
	    name: string;
	    email: string;
	    phone: string;
	    location: string;
	    linkedIn: string;
	    gitHub: string;
	    portfolio: string;
	    source: string;
	    resumeText: string;
	    tags: string[];
	
	    static createFrom(source: any = {}) {
	        return new CandidateInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.location = source["location"];
	        this.linkedIn = source["linkedIn"];
	        this.gitHub = source["gitHub"];
	        this.portfolio = source["portfolio"];
	        this.source = source["source"];
	        this.resumeText = source["resumeText"];
	        this.tags = source["tags"];
	    }
	}
	export class TextSpan {
	    text: string;
	    match: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TextSpan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.match = source["match"];
	    }
	}
	export class SearchHit {
	    field: string;
	    snippet: TextSpan[];
	
	    static createFrom(source: any = {}) {
	        return new SearchHit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.snippet = this.convertValues(source["snippet"], TextSpan);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CandidateRow {
	    id: number;
	    name: string;
	    email: string;
	    source: string;
	    location: string;
	    tags: string[];
	    applications: AppSummary[];
	    updatedAt: string;
	    archivedAt: string;
	    hits: SearchHit[];
	
	    static createFrom(source: any = {}) {
	        return new CandidateRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.source = source["source"];
	        this.location = source["location"];
	        this.tags = source["tags"];
	        this.applications = this.convertValues(source["applications"], AppSummary);
	        this.updatedAt = source["updatedAt"];
	        this.archivedAt = source["archivedAt"];
	        this.hits = this.convertValues(source["hits"], SearchHit);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CandidatePage {
	    rows: CandidateRow[];
	    total: number;
	    atLeast: boolean;
	    archived: number;
	
	    static createFrom(source: any = {}) {
	        return new CandidatePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], CandidateRow);
	        this.total = source["total"];
	        this.atLeast = source["atLeast"];
	        this.archived = source["archived"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CandidatePatch {
	    name?: string;
	    email?: string;
	    phone?: string;
	    location?: string;
	    linkedIn?: string;
	    gitHub?: string;
	    portfolio?: string;
	    source?: string;
	    resumeText?: string;
	    tags?: string[];
	    version?: number;
	
	    static createFrom(source: any = {}) {
	        return new CandidatePatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.location = source["location"];
	        this.linkedIn = source["linkedIn"];
	        this.gitHub = source["gitHub"];
	        this.portfolio = source["portfolio"];
	        this.source = source["source"];
	        this.resumeText = source["resumeText"];
	        this.tags = source["tags"];
	        this.version = source["version"];
	    }
	}
	
	export class Facets {
	    tags: string[];
	    sources: string[];
	
	    static createFrom(source: any = {}) {
	        return new Facets(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tags = source["tags"];
	        this.sources = source["sources"];
	    }
	}
	export class FieldError {
	    field: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}
	export class ImportSkip {
	    reason: string;
	    job: string;
	    words: string;
	    count: number;
	    rows: number[];
	
	    static createFrom(source: any = {}) {
	        return new ImportSkip(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reason = source["reason"];
	        this.job = source["job"];
	        this.words = source["words"];
	        this.count = source["count"];
	        this.rows = source["rows"];
	    }
	}
	export class ImportResult {
	    imported: number;
	    created: number;
	    merged: number;
	    skipped: number;
	    skips: ImportSkip[];
	    invalid: number;
	    invalidRows: number[];
	    applications: number;
	    notes: number;
	    createdIds: number[];
	    mergedIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.imported = source["imported"];
	        this.created = source["created"];
	        this.merged = source["merged"];
	        this.skipped = source["skipped"];
	        this.skips = this.convertValues(source["skips"], ImportSkip);
	        this.invalid = source["invalid"];
	        this.invalidRows = source["invalidRows"];
	        this.applications = source["applications"];
	        this.notes = source["notes"];
	        this.createdIds = source["createdIds"];
	        this.mergedIds = source["mergedIds"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Profile {
	    id: number;
	    name: string;
	    isRecruiter: boolean;
	    createdAt: string;
	    protected: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.isRecruiter = source["isRecruiter"];
	        this.createdAt = source["createdAt"];
	        this.protected = source["protected"];
	    }
	}
	export class Opening {
	    profiles: Profile[];
	    profile?: Profile;
	    lockedId: number;
	    signedIn: boolean;
	    roles: Role[];
	    board?: Board;
	
	    static createFrom(source: any = {}) {
	        return new Opening(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profiles = this.convertValues(source["profiles"], Profile);
	        this.profile = this.convertValues(source["profile"], Profile);
	        this.lockedId = source["lockedId"];
	        this.signedIn = source["signedIn"];
	        this.roles = this.convertValues(source["roles"], Role);
	        this.board = this.convertValues(source["board"], Board);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class RoleInput {
	    title: string;
	    team: string;
	    location: string;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new RoleInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.team = source["team"];
	        this.location = source["location"];
	        this.status = source["status"];
	    }
	}
	
	
	export class StageDeletion {
	    role: Role;
	    stage: string;
	    index: number;
	    movedTo: number;
	    moved: number[];
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new StageDeletion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.role = this.convertValues(source["role"], Role);
	        this.stage = source["stage"];
	        this.index = source["index"];
	        this.movedTo = source["movedTo"];
	        this.moved = source["moved"];
	        this.at = source["at"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace outcomes {
	
	export class Outcome {
	    rating90d?: number;
	    rating1y?: number;
	    leftOn: string;
	    regretted?: boolean;
	    recordedBy: string;
	    recordedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Outcome(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rating90d = source["rating90d"];
	        this.rating1y = source["rating1y"];
	        this.leftOn = source["leftOn"];
	        this.regretted = source["regretted"];
	        this.recordedBy = source["recordedBy"];
	        this.recordedAt = source["recordedAt"];
	    }
	}
	export class Entry {
	    applicationId: number;
	    roleId: number;
	    roleTitle: string;
	    stage: string;
	    hiredAt: string;
	    outcome?: Outcome;
	    scale: string;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applicationId = source["applicationId"];
	        this.roleId = source["roleId"];
	        this.roleTitle = source["roleTitle"];
	        this.stage = source["stage"];
	        this.hiredAt = source["hiredAt"];
	        this.outcome = this.convertValues(source["outcome"], Outcome);
	        this.scale = source["scale"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Input {
	    rating90d?: number;
	    rating1y?: number;
	    leftOn: string;
	    regretted?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rating90d = source["rating90d"];
	        this.rating1y = source["rating1y"];
	        this.leftOn = source["leftOn"];
	        this.regretted = source["regretted"];
	    }
	}
	export class Row {
	    predictor: string;
	    label: string;
	    stats: validity.Report;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.predictor = source["predictor"];
	        this.label = source["label"];
	        this.stats = this.convertValues(source["stats"], validity.Report);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Measure {
	    key: string;
	    label: string;
	    rows: Row[];
	
	    static createFrom(source: any = {}) {
	        return new Measure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.rows = this.convertValues(source["rows"], Row);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Report {
	    roleId: number;
	    roleTitle: string;
	    people: number;
	    measures: Measure[];
	    rangeRestriction: string;
	    scale: string;
	    empty: string;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roleId = source["roleId"];
	        this.roleTitle = source["roleTitle"];
	        this.people = source["people"];
	        this.measures = this.convertValues(source["measures"], Measure);
	        this.rangeRestriction = source["rangeRestriction"];
	        this.scale = source["scale"];
	        this.empty = source["empty"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace privacy {
	
	export class Snapshots {
	    rewritten: number;
	    dropped: number;
	    unchanged: number;
	
	    static createFrom(source: any = {}) {
	        return new Snapshots(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rewritten = source["rewritten"];
	        this.dropped = source["dropped"];
	        this.unchanged = source["unchanged"];
	    }
	}
	export class AuditEntry {
	    id: number;
	    action: string;
	    why: string;
	    candidateId: number;
	    counts: {[key: string]: number};
	    actorId: number;
	    actorName: string;
	    at: string;
	    snapshots: Snapshots;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.action = source["action"];
	        this.why = source["why"];
	        this.candidateId = source["candidateId"];
	        this.counts = source["counts"];
	        this.actorId = source["actorId"];
	        this.actorName = source["actorName"];
	        this.at = source["at"];
	        this.snapshots = this.convertValues(source["snapshots"], Snapshots);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Due {
	    id: number;
	    name: string;
	    email: string;
	    lastActivity: string;
	    applications: string[];
	
	    static createFrom(source: any = {}) {
	        return new Due(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.lastActivity = source["lastActivity"];
	        this.applications = source["applications"];
	    }
	}
	export class Result {
	    action: string;
	    candidates: number;
	    counts: {[key: string]: number};
	    snapshots: Snapshots;
	    noSnapshots: boolean;
	    outside: string;
	    warning?: string;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.candidates = source["candidates"];
	        this.counts = source["counts"];
	        this.snapshots = this.convertValues(source["snapshots"], Snapshots);
	        this.noSnapshots = source["noSnapshots"];
	        this.outside = source["outside"];
	        this.warning = source["warning"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Review {
	    months: number;
	    cutoff: string;
	    candidates: Due[];
	    maxMonths: number;
	
	    static createFrom(source: any = {}) {
	        return new Review(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.months = source["months"];
	        this.cutoff = source["cutoff"];
	        this.candidates = this.convertValues(source["candidates"], Due);
	        this.maxMonths = source["maxMonths"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Rights {
	    manage: boolean;
	    manageNote: string;
	    erase: boolean;
	    eraseNote: string;
	
	    static createFrom(source: any = {}) {
	        return new Rights(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.manage = source["manage"];
	        this.manageNote = source["manageNote"];
	        this.erase = source["erase"];
	        this.eraseNote = source["eraseNote"];
	    }
	}

}

export namespace rubric {
	
	export class Sample {
	    level: number;
	    answer: string;
	
	    static createFrom(source: any = {}) {
	        return new Sample(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.level = source["level"];
	        this.answer = source["answer"];
	    }
	}
	export class Question {
	    id: string;
	    prompt: string;
	    kind?: string;
	    probes?: string;
	    followUps?: string[];
	    weight: number;
	    optional?: boolean;
	    redFlags?: string[];
	    anchors: string[];
	    samples?: Sample[];
	
	    static createFrom(source: any = {}) {
	        return new Question(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.prompt = source["prompt"];
	        this.kind = source["kind"];
	        this.probes = source["probes"];
	        this.followUps = source["followUps"];
	        this.weight = source["weight"];
	        this.optional = source["optional"];
	        this.redFlags = source["redFlags"];
	        this.anchors = source["anchors"];
	        this.samples = this.convertValues(source["samples"], Sample);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Competency {
	    id: string;
	    name: string;
	    description?: string;
	    track?: string;
	    weight: number;
	    questions: Question[];
	
	    static createFrom(source: any = {}) {
	        return new Competency(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.track = source["track"];
	        this.weight = source["weight"];
	        this.questions = this.convertValues(source["questions"], Question);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class RecommendationOption {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new RecommendationOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class ScreenFlag {
	    id: string;
	    kind: string;
	    text: string;
	    hint?: string;
	
	    static createFrom(source: any = {}) {
	        return new ScreenFlag(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.hint = source["hint"];
	    }
	}
	export class Track {
	    id: string;
	    name: string;
	    description?: string;
	
	    static createFrom(source: any = {}) {
	        return new Track(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	    }
	}
	export class Scale {
	    min: number;
	    max: number;
	    labels: string[];
	
	    static createFrom(source: any = {}) {
	        return new Scale(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.min = source["min"];
	        this.max = source["max"];
	        this.labels = source["labels"];
	    }
	}
	export class Rubric {
	    format: string;
	    name: string;
	    description?: string;
	    scale: Scale;
	    tracks?: Track[];
	    competencies: Competency[];
	    screen?: ScreenFlag[];
	
	    static createFrom(source: any = {}) {
	        return new Rubric(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.scale = this.convertValues(source["scale"], Scale);
	        this.tracks = this.convertValues(source["tracks"], Track);
	        this.competencies = this.convertValues(source["competencies"], Competency);
	        this.screen = this.convertValues(source["screen"], ScreenFlag);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class Summary {
	    id: number;
	    name: string;
	    builtin: boolean;
	    archivedAt: string;
	    latestVersion: number;
	    competencies: number;
	    questions: number;
	    inUse: number;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.builtin = source["builtin"];
	        this.archivedAt = source["archivedAt"];
	        this.latestVersion = source["latestVersion"];
	        this.competencies = source["competencies"];
	        this.questions = source["questions"];
	        this.inUse = source["inUse"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	
	export class Version {
	    id: number;
	    rubricId: number;
	    version: number;
	    builtin: boolean;
	    archivedAt: string;
	    sha256: string;
	    createdAt: string;
	    content: Rubric;
	
	    static createFrom(source: any = {}) {
	        return new Version(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.rubricId = source["rubricId"];
	        this.version = source["version"];
	        this.builtin = source["builtin"];
	        this.archivedAt = source["archivedAt"];
	        this.sha256 = source["sha256"];
	        this.createdAt = source["createdAt"];
	        this.content = this.convertValues(source["content"], Rubric);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace scoring {
	
	export class Answer {
	    score?: number;
	    skipped?: boolean;
	    skipReason?: string;
	    notes?: string;
	    elapsedMs?: number;
	
	    static createFrom(source: any = {}) {
	        return new Answer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.score = source["score"];
	        this.skipped = source["skipped"];
	        this.skipReason = source["skipReason"];
	        this.notes = source["notes"];
	        this.elapsedMs = source["elapsedMs"];
	    }
	}
	export class Binding {
	    candidateUid?: string;
	    roleUid?: string;
	    roundUid?: string;
	
	    static createFrom(source: any = {}) {
	        return new Binding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.candidateUid = source["candidateUid"];
	        this.roleUid = source["roleUid"];
	        this.roundUid = source["roundUid"];
	    }
	}
	export class BottomLine {
	    verdict: string;
	    headline: string;
	    basis: string;
	    value?: number;
	    scale: string;
	    differences: string[];
	
	    static createFrom(source: any = {}) {
	        return new BottomLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.verdict = source["verdict"];
	        this.headline = source["headline"];
	        this.basis = source["basis"];
	        this.value = source["value"];
	        this.scale = source["scale"];
	        this.differences = source["differences"];
	    }
	}
	export class Content {
	    answers: {[key: string]: Answer};
	    recommendation: string;
	    recommendationLabel: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Content(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.answers = this.convertValues(source["answers"], Answer, true);
	        this.recommendation = source["recommendation"];
	        this.recommendationLabel = source["recommendationLabel"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Revision {
	    revision: number;
	    answers: {[key: string]: Answer};
	    recommendation: string;
	    notes: string;
	    reason: string;
	    authorId: number;
	    authorName: string;
	    createdAt: string;
	    sha256: string;
	    seenOthers: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Revision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.revision = source["revision"];
	        this.answers = this.convertValues(source["answers"], Answer, true);
	        this.recommendation = source["recommendation"];
	        this.notes = source["notes"];
	        this.reason = source["reason"];
	        this.authorId = source["authorId"];
	        this.authorName = source["authorName"];
	        this.createdAt = source["createdAt"];
	        this.sha256 = source["sha256"];
	        this.seenOthers = source["seenOthers"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Scorecard {
	    id: number;
	    uid: string;
	    applicationId: number;
	    candidateId: number;
	    candidateName: string;
	    roleId: number;
	    roleTitle: string;
	    roundId: number;
	    roundName: string;
	    durationMin: number;
	    authorId: number;
	    authorName: string;
	    rubricId: number;
	    rubricVersionId: number;
	    rubricVersion: number;
	    rubricSha256: string;
	    competencies: string[];
	    status: string;
	    answers: {[key: string]: Answer};
	    recommendation: string;
	    notes: string;
	    cursor: string;
	    elapsedMs: number;
	    startedAt: string;
	    updatedAt: string;
	    submittedAt: string;
	    sha256: string;
	    seenOthers: boolean;
	    revisions: Revision[];
	    current: Content;
	
	    static createFrom(source: any = {}) {
	        return new Scorecard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.uid = source["uid"];
	        this.applicationId = source["applicationId"];
	        this.candidateId = source["candidateId"];
	        this.candidateName = source["candidateName"];
	        this.roleId = source["roleId"];
	        this.roleTitle = source["roleTitle"];
	        this.roundId = source["roundId"];
	        this.roundName = source["roundName"];
	        this.durationMin = source["durationMin"];
	        this.authorId = source["authorId"];
	        this.authorName = source["authorName"];
	        this.rubricId = source["rubricId"];
	        this.rubricVersionId = source["rubricVersionId"];
	        this.rubricVersion = source["rubricVersion"];
	        this.rubricSha256 = source["rubricSha256"];
	        this.competencies = source["competencies"];
	        this.status = source["status"];
	        this.answers = this.convertValues(source["answers"], Answer, true);
	        this.recommendation = source["recommendation"];
	        this.notes = source["notes"];
	        this.cursor = source["cursor"];
	        this.elapsedMs = source["elapsedMs"];
	        this.startedAt = source["startedAt"];
	        this.updatedAt = source["updatedAt"];
	        this.submittedAt = source["submittedAt"];
	        this.sha256 = source["sha256"];
	        this.seenOthers = source["seenOthers"];
	        this.revisions = this.convertValues(source["revisions"], Revision);
	        this.current = this.convertValues(source["current"], Content);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Round {
	    id: number;
	    roleId: number;
	    name: string;
	    position: number;
	    rubricId: number;
	    rubricName: string;
	    competencies: string[];
	    durationMin: number;
	    interviewers: model.Profile[];
	
	    static createFrom(source: any = {}) {
	        return new Round(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roleId = source["roleId"];
	        this.name = source["name"];
	        this.position = source["position"];
	        this.rubricId = source["rubricId"];
	        this.rubricName = source["rubricName"];
	        this.competencies = source["competencies"];
	        this.durationMin = source["durationMin"];
	        this.interviewers = this.convertValues(source["interviewers"], model.Profile);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CandidateRound {
	    round: Round;
	    applicationId: number;
	    state: string;
	    scheduledAt: string;
	    cards: Scorecard[];
	    interviewers: model.Profile[];
	    reassigned: boolean;
	    canStart: boolean;
	    startNote: string;
	    myCardId: number;
	    hidden: number;
	
	    static createFrom(source: any = {}) {
	        return new CandidateRound(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.round = this.convertValues(source["round"], Round);
	        this.applicationId = source["applicationId"];
	        this.state = source["state"];
	        this.scheduledAt = source["scheduledAt"];
	        this.cards = this.convertValues(source["cards"], Scorecard);
	        this.interviewers = this.convertValues(source["interviewers"], model.Profile);
	        this.reassigned = source["reassigned"];
	        this.canStart = source["canStart"];
	        this.startNote = source["startNote"];
	        this.myCardId = source["myCardId"];
	        this.hidden = source["hidden"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CellAnswer {
	    round: string;
	    score?: number;
	    label: string;
	    scaleMin: number;
	    scaleMax: number;
	    norm?: number;
	    notes: string;
	    skipped: boolean;
	    skipReason: string;
	
	    static createFrom(source: any = {}) {
	        return new CellAnswer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.round = source["round"];
	        this.score = source["score"];
	        this.label = source["label"];
	        this.scaleMin = source["scaleMin"];
	        this.scaleMax = source["scaleMax"];
	        this.norm = source["norm"];
	        this.notes = source["notes"];
	        this.skipped = source["skipped"];
	        this.skipReason = source["skipReason"];
	    }
	}
	export class Cell {
	    authorId: number;
	    author: string;
	    answers: CellAnswer[];
	    norm?: number;
	
	    static createFrom(source: any = {}) {
	        return new Cell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.authorId = source["authorId"];
	        this.author = source["author"];
	        this.answers = this.convertValues(source["answers"], CellAnswer);
	        this.norm = source["norm"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class CompetencyScore {
	    id: string;
	    name: string;
	    weight: number;
	    norm?: number;
	    coverage: number;
	
	    static createFrom(source: any = {}) {
	        return new CompetencyScore(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.weight = source["weight"];
	        this.norm = source["norm"];
	        this.coverage = source["coverage"];
	    }
	}
	
	export class Uncovered {
	    key: string;
	    competency: string;
	    prompt: string;
	    weight: number;
	
	    static createFrom(source: any = {}) {
	        return new Uncovered(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.competency = source["competency"];
	        this.prompt = source["prompt"];
	        this.weight = source["weight"];
	    }
	}
	export class Skip {
	    key: string;
	    prompt: string;
	    author: string;
	    round: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Skip(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.prompt = source["prompt"];
	        this.author = source["author"];
	        this.round = source["round"];
	        this.reason = source["reason"];
	    }
	}
	export class Row {
	    key: string;
	    competencyId: string;
	    competencyName: string;
	    questionId: string;
	    prompt: string;
	    weight: number;
	    inPlan: boolean;
	    scale: string;
	    cells: Cell[];
	    n: number;
	    mean?: number;
	    range: string;
	    disagreement: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.competencyId = source["competencyId"];
	        this.competencyName = source["competencyName"];
	        this.questionId = source["questionId"];
	        this.prompt = source["prompt"];
	        this.weight = source["weight"];
	        this.inPlan = source["inPlan"];
	        this.scale = source["scale"];
	        this.cells = this.convertValues(source["cells"], Cell);
	        this.n = source["n"];
	        this.mean = source["mean"];
	        this.range = source["range"];
	        this.disagreement = source["disagreement"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DebriefInterviewer {
	    id: number;
	    name: string;
	    rounds: string[];
	    composite?: number;
	    amended: boolean;
	    amendedAfterSeeing: boolean;
	    submittedAfterSeeing: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DebriefInterviewer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.rounds = source["rounds"];
	        this.composite = source["composite"];
	        this.amended = source["amended"];
	        this.amendedAfterSeeing = source["amendedAfterSeeing"];
	        this.submittedAfterSeeing = source["submittedAfterSeeing"];
	    }
	}
	export class Debrief {
	    candidateId: number;
	    candidateName: string;
	    interviewers: DebriefInterviewer[];
	    rows: Row[];
	    competencies: CompetencyScore[];
	    composite?: number;
	    coverage: number;
	    complete: boolean;
	    uncertainty?: number;
	    uncertaintyLabel: string;
	    coverageLabel: string;
	    recommendations: {[key: string]: number};
	    cards: number;
	    disagreements: number;
	    skips: Skip[];
	    uncovered: Uncovered[];
	    amendedAfterSeeing: number;
	    submittedAfterSeeing: number;
	    scoredAfterSeeing: number;
	
	    static createFrom(source: any = {}) {
	        return new Debrief(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.candidateId = source["candidateId"];
	        this.candidateName = source["candidateName"];
	        this.interviewers = this.convertValues(source["interviewers"], DebriefInterviewer);
	        this.rows = this.convertValues(source["rows"], Row);
	        this.competencies = this.convertValues(source["competencies"], CompetencyScore);
	        this.composite = source["composite"];
	        this.coverage = source["coverage"];
	        this.complete = source["complete"];
	        this.uncertainty = source["uncertainty"];
	        this.uncertaintyLabel = source["uncertaintyLabel"];
	        this.coverageLabel = source["coverageLabel"];
	        this.recommendations = source["recommendations"];
	        this.cards = source["cards"];
	        this.disagreements = source["disagreements"];
	        this.skips = this.convertValues(source["skips"], Skip);
	        this.uncovered = this.convertValues(source["uncovered"], Uncovered);
	        this.amendedAfterSeeing = source["amendedAfterSeeing"];
	        this.submittedAfterSeeing = source["submittedAfterSeeing"];
	        this.scoredAfterSeeing = source["scoredAfterSeeing"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class FlagMark {
	    mark: string;
	    evidence: string;
	
	    static createFrom(source: any = {}) {
	        return new FlagMark(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mark = source["mark"];
	        this.evidence = source["evidence"];
	    }
	}
	export class Patch {
	    questionId?: string;
	    score?: number;
	    clearScore?: boolean;
	    skipped?: boolean;
	    skipReason?: string;
	    answerNotes?: string;
	    answerElapsedMs?: number;
	    recommendation?: string;
	    notes?: string;
	    cursor?: string;
	    elapsedMs?: number;
	
	    static createFrom(source: any = {}) {
	        return new Patch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.questionId = source["questionId"];
	        this.score = source["score"];
	        this.clearScore = source["clearScore"];
	        this.skipped = source["skipped"];
	        this.skipReason = source["skipReason"];
	        this.answerNotes = source["answerNotes"];
	        this.answerElapsedMs = source["answerElapsedMs"];
	        this.recommendation = source["recommendation"];
	        this.notes = source["notes"];
	        this.cursor = source["cursor"];
	        this.elapsedMs = source["elapsedMs"];
	    }
	}
	export class PlanQuestion {
	    key: string;
	    competencyId: string;
	    competency: string;
	    questionId: string;
	    prompt: string;
	    competencyWeight: number;
	    questionWeight: number;
	    effective: number;
	
	    static createFrom(source: any = {}) {
	        return new PlanQuestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.competencyId = source["competencyId"];
	        this.competency = source["competency"];
	        this.questionId = source["questionId"];
	        this.prompt = source["prompt"];
	        this.competencyWeight = source["competencyWeight"];
	        this.questionWeight = source["questionWeight"];
	        this.effective = source["effective"];
	    }
	}
	
	
	export class RoundInput {
	    id: number;
	    roleId: number;
	    name: string;
	    rubricId: number;
	    competencies: string[];
	    durationMin: number;
	    interviewerIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new RoundInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roleId = source["roleId"];
	        this.name = source["name"];
	        this.rubricId = source["rubricId"];
	        this.competencies = source["competencies"];
	        this.durationMin = source["durationMin"];
	        this.interviewerIds = source["interviewerIds"];
	    }
	}
	
	
	export class Screen {
	    applicationId: number;
	    rubricVersionId: number;
	    checklist: rubric.ScreenFlag[];
	    marks: {[key: string]: FlagMark};
	    decision: string;
	    suggested: string;
	    rejectReason: string;
	    overrideReason: string;
	    second: boolean;
	    authorId: number;
	    authorName: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Screen(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applicationId = source["applicationId"];
	        this.rubricVersionId = source["rubricVersionId"];
	        this.checklist = this.convertValues(source["checklist"], rubric.ScreenFlag);
	        this.marks = this.convertValues(source["marks"], FlagMark, true);
	        this.decision = source["decision"];
	        this.suggested = source["suggested"];
	        this.rejectReason = source["rejectReason"];
	        this.overrideReason = source["overrideReason"];
	        this.second = source["second"];
	        this.authorId = source["authorId"];
	        this.authorName = source["authorName"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ScreenInput {
	    applicationId: number;
	    marks: {[key: string]: FlagMark};
	    decision: string;
	    rejectReason: string;
	    overrideReason: string;
	    second: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ScreenInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applicationId = source["applicationId"];
	        this.marks = this.convertValues(source["marks"], FlagMark, true);
	        this.decision = source["decision"];
	        this.rejectReason = source["rejectReason"];
	        this.overrideReason = source["overrideReason"];
	        this.second = source["second"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ScreenRevision {
	    id: number;
	    applicationId: number;
	    second: boolean;
	    marks: {[key: string]: FlagMark};
	    decision: string;
	    suggested: string;
	    rejectReason: string;
	    overrideReason: string;
	    authorId: number;
	    authorName: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new ScreenRevision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.applicationId = source["applicationId"];
	        this.second = source["second"];
	        this.marks = this.convertValues(source["marks"], FlagMark, true);
	        this.decision = source["decision"];
	        this.suggested = source["suggested"];
	        this.rejectReason = source["rejectReason"];
	        this.overrideReason = source["overrideReason"];
	        this.authorId = source["authorId"];
	        this.authorName = source["authorName"];
	        this.at = source["at"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class WeightChange {
	    id: number;
	    roleId: number;
	    competencyId: string;
	    questionId: string;
	    label: string;
	    old: number;
	    new: number;
	    reason: string;
	    afterScoring: boolean;
	    actorName: string;
	    changedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new WeightChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roleId = source["roleId"];
	        this.competencyId = source["competencyId"];
	        this.questionId = source["questionId"];
	        this.label = source["label"];
	        this.old = source["old"];
	        this.new = source["new"];
	        this.reason = source["reason"];
	        this.afterScoring = source["afterScoring"];
	        this.actorName = source["actorName"];
	        this.changedAt = source["changedAt"];
	    }
	}
	export class WeightEdit {
	    competencyId: string;
	    questionId: string;
	    weight: number;
	
	    static createFrom(source: any = {}) {
	        return new WeightEdit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.competencyId = source["competencyId"];
	        this.questionId = source["questionId"];
	        this.weight = source["weight"];
	    }
	}

}

export namespace selfid {
	
	export class Answer {
	    category: string;
	    answer: string;
	    offered: string[];
	
	    static createFrom(source: any = {}) {
	        return new Answer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.category = source["category"];
	        this.answer = source["answer"];
	        this.offered = source["offered"];
	    }
	}
	export class Category {
	    name: string;
	    options: string[];
	
	    static createFrom(source: any = {}) {
	        return new Category(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.options = source["options"];
	    }
	}
	export class Impact {
	    category: string;
	    report?: fairness.Report;
	    undisclosed: fairness.Row[];
	    hidden: string[];
	
	    static createFrom(source: any = {}) {
	        return new Impact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.category = source["category"];
	        this.report = this.convertValues(source["report"], fairness.Report);
	        this.undisclosed = this.convertValues(source["undisclosed"], fairness.Row);
	        this.hidden = source["hidden"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Decision {
	    name: string;
	    considered: number;
	    pending: number;
	    categories: Impact[];
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.considered = source["considered"];
	        this.pending = source["pending"];
	        this.categories = this.convertValues(source["categories"], Impact);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Explanation {
	    term: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Explanation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.term = source["term"];
	        this.text = source["text"];
	    }
	}
	export class Form {
	    answers: Answer[];
	    note: string;
	    writeOnly: boolean;
	    keep: string;
	
	    static createFrom(source: any = {}) {
	        return new Form(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.answers = this.convertValues(source["answers"], Answer);
	        this.note = source["note"];
	        this.writeOnly = source["writeOnly"];
	        this.keep = source["keep"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Measure {
	    name: string;
	    key: string;
	    groups: fairness.MeanRow[];
	    undisclosed: fairness.MeanRow[];
	    hidden: string[];
	    largestD?: number;
	    standsOut: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Measure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.key = source["key"];
	        this.groups = this.convertValues(source["groups"], fairness.MeanRow);
	        this.undisclosed = this.convertValues(source["undisclosed"], fairness.MeanRow);
	        this.hidden = source["hidden"];
	        this.largestD = source["largestD"];
	        this.standsOut = source["standsOut"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Means {
	    category: string;
	    measures: Measure[];
	
	    static createFrom(source: any = {}) {
	        return new Means(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.category = source["category"];
	        this.measures = this.convertValues(source["measures"], Measure);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Report {
	    people: number;
	    responded: number;
	    decisions: Decision[];
	    means: Means[];
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.people = source["people"];
	        this.responded = source["responded"];
	        this.decisions = this.convertValues(source["decisions"], Decision);
	        this.means = this.convertValues(source["means"], Means);
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class View {
	    report: Report;
	    empty: string;
	    explanations: Explanation[];
	    editNote: string;
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], Report);
	        this.empty = source["empty"];
	        this.explanations = this.convertValues(source["explanations"], Explanation);
	        this.editNote = source["editNote"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace stats {
	
	export class RaterLeniency {
	    rater: string;
	    n: number;
	    mean_deviation: number;
	    deviation_sd: number;
	    z: number;
	    ratings: number;
	    mean: number;
	    sd: number;
	    distribution: {[key: string]: number};
	    verdict: string;
	    meaning: string;
	
	    static createFrom(source: any = {}) {
	        return new RaterLeniency(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rater = source["rater"];
	        this.n = source["n"];
	        this.mean_deviation = source["mean_deviation"];
	        this.deviation_sd = source["deviation_sd"];
	        this.z = source["z"];
	        this.ratings = source["ratings"];
	        this.mean = source["mean"];
	        this.sd = source["sd"];
	        this.distribution = source["distribution"];
	        this.verdict = source["verdict"];
	        this.meaning = source["meaning"];
	    }
	}
	export class Statistic {
	    field: string;
	    kind: string;
	    label: string;
	    about: string;
	    value?: number;
	    ci?: number[];
	    digits: number;
	
	    static createFrom(source: any = {}) {
	        return new Statistic(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.about = source["about"];
	        this.value = source["value"];
	        this.ci = source["ci"];
	        this.digits = source["digits"];
	    }
	}
	export class Report {
	    subjects: number;
	    raters: number;
	    ratings: number;
	    subjects_dropped: number;
	    k: number;
	    icc_1_1?: number;
	    icc_2_1?: number;
	    icc_3_1?: number;
	    icc_1_k?: number;
	    icc_2_k?: number;
	    icc_3_k?: number;
	    icc_1_1_ci?: number[];
	    icc_2_1_ci?: number[];
	    icc_3_1_ci?: number[];
	    icc_1_k_ci?: number[];
	    icc_2_k_ci?: number[];
	    icc_3_k_ci?: number[];
	    alpha_nominal?: number;
	    alpha_ordinal?: number;
	    alpha_interval?: number;
	    alpha_ratio?: number;
	    leniency: RaterLeniency[];
	    errors: string[];
	    notes: string[];
	    explanations: {[key: string]: string};
	    caveats: string[];
	    statistics: Statistic[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subjects = source["subjects"];
	        this.raters = source["raters"];
	        this.ratings = source["ratings"];
	        this.subjects_dropped = source["subjects_dropped"];
	        this.k = source["k"];
	        this.icc_1_1 = source["icc_1_1"];
	        this.icc_2_1 = source["icc_2_1"];
	        this.icc_3_1 = source["icc_3_1"];
	        this.icc_1_k = source["icc_1_k"];
	        this.icc_2_k = source["icc_2_k"];
	        this.icc_3_k = source["icc_3_k"];
	        this.icc_1_1_ci = source["icc_1_1_ci"];
	        this.icc_2_1_ci = source["icc_2_1_ci"];
	        this.icc_3_1_ci = source["icc_3_1_ci"];
	        this.icc_1_k_ci = source["icc_1_k_ci"];
	        this.icc_2_k_ci = source["icc_2_k_ci"];
	        this.icc_3_k_ci = source["icc_3_k_ci"];
	        this.alpha_nominal = source["alpha_nominal"];
	        this.alpha_ordinal = source["alpha_ordinal"];
	        this.alpha_interval = source["alpha_interval"];
	        this.alpha_ratio = source["alpha_ratio"];
	        this.leniency = this.convertValues(source["leniency"], RaterLeniency);
	        this.errors = source["errors"];
	        this.notes = source["notes"];
	        this.explanations = source["explanations"];
	        this.caveats = source["caveats"];
	        this.statistics = this.convertValues(source["statistics"], Statistic);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace storage {
	
	export class AIFragment {
	    text: string;
	    start: number;
	    end: number;
	
	    static createFrom(source: any = {}) {
	        return new AIFragment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.start = source["start"];
	        this.end = source["end"];
	    }
	}

}

export namespace validity {
	
	export class Report {
	    n: number;
	    pearson_r?: number;
	    pearson_ci?: number[];
	    spearman_rho?: number;
	    warning: string;
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.n = source["n"];
	        this.pearson_r = source["pearson_r"];
	        this.pearson_ci = source["pearson_ci"];
	        this.spearman_rho = source["spearman_rho"];
	        this.warning = source["warning"];
	        this.notes = source["notes"];
	    }
	}

}

