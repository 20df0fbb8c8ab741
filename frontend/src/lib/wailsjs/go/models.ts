export namespace app {
	
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
	export class RubricFile {
	    name: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new RubricFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.text = source["text"];
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
	export class ScorecardView {
	    card: scoring.Scorecard;
	    rubric: rubric.Rubric;
	
	    static createFrom(source: any = {}) {
	        return new ScorecardView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.card = this.convertValues(source["card"], scoring.Scorecard);
	        this.rubric = this.convertValues(source["rubric"], rubric.Rubric);
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
	
	    static createFrom(source: any = {}) {
	        return new BoardColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stage = this.convertValues(source["stage"], Stage);
	        this.cards = this.convertValues(source["cards"], BoardCard);
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
	
	    static createFrom(source: any = {}) {
	        return new CandidatePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], CandidateRow);
	        this.total = source["total"];
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
	
	export class Profile {
	    id: number;
	    name: string;
	    isRecruiter: boolean;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.isRecruiter = source["isRecruiter"];
	        this.createdAt = source["createdAt"];
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
	
	
	

}

export namespace rubric {
	
	export class Question {
	    id: string;
	    prompt: string;
	    probes?: string;
	    followUps?: string[];
	    weight: number;
	    optional?: boolean;
	    redFlags?: string[];
	    anchors: string[];
	
	    static createFrom(source: any = {}) {
	        return new Question(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.prompt = source["prompt"];
	        this.probes = source["probes"];
	        this.followUps = source["followUps"];
	        this.weight = source["weight"];
	        this.optional = source["optional"];
	        this.redFlags = source["redFlags"];
	        this.anchors = source["anchors"];
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
	    revisions: Revision[];
	
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
	        this.revisions = this.convertValues(source["revisions"], Revision);
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
	
	    static createFrom(source: any = {}) {
	        return new ScreenInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applicationId = source["applicationId"];
	        this.marks = this.convertValues(source["marks"], FlagMark, true);
	        this.decision = source["decision"];
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

