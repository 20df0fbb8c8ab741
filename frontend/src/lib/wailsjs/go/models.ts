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

