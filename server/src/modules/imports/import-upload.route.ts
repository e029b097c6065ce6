import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import cookieParser from "cookie-parser";
import type { Express, Request, Response } from "express";
import { AppError, ForbiddenError, UnauthenticatedError, UserInputError } from "../../graphql/errors";
import { toGlobalId } from "../../graphql/global-id";
import type { Services } from "../../graphql/services";
import type { RateLimits } from "../auth/rate-limits";
import { authenticateGraphQL, bearerSecret, sendGraphQLError } from "../auth/request-auth";
import type { Viewer } from "../auth/viewer";
import { CsvFileError } from "./csv-file";
import { importTemplateCsv } from "./import-columns";

/** Headers that prove a browser request is not a cross-site form post (as Apollo's csrfPrevention). */
const CSRF_HEADERS = ["apollo-require-preflight", "x-apollo-operation-name", "x-csrf-protection"];

/** Multipart overhead allowed on top of the file's own size in Content-Length. */
const MULTIPART_SLACK = 64 * 1024;

export const UPLOAD_DIR = join(tmpdir(), "crm-imports");

function fileError(error: CsvFileError): UserInputError {
  return new UserInputError({ file: error.message }, error.message);
}

function withReason(error: AppError, reason: string): AppError {
  Object.assign(error.extensions, { reason });
  return error;
}

/** Counts the bytes of the upload and stops it past the limit (Content-Length can lie or be absent). */
class ByteLimit extends Transform {
  bytes = 0;

  constructor(private readonly max: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.max) {
      done(new CsvFileError("FILE_TOO_LARGE", `The file is larger than ${Math.round(this.max / 1024 / 1024)} MB; split it into smaller files`));
      return;
    }
    done(null, chunk);
  }
}

/** Receives the one `file` part of a multipart request into a temp file; null when there is none. */
function receiveFile(req: Request, maxBytes: number): Promise<{ path: string; filename: string } | null> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: "utf8", limits: { files: 1, fields: 10, fileSize: maxBytes + 1 } });
    } catch {
      reject(new CsvFileError("NO_FILE", "Send the file as multipart/form-data in a part named \"file\""));
      return;
    }
    let received: Promise<{ path: string; filename: string }> | null = null;
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || received) {
        stream.resume();
        return;
      }
      const path = join(UPLOAD_DIR, `${randomUUID()}.csv`);
      received = mkdir(UPLOAD_DIR, { recursive: true })
        .then(() => pipeline(stream, new ByteLimit(maxBytes), createWriteStream(path)))
        .then(() => ({ path, filename: info.filename || "import.csv" }))
        .catch(async (error: unknown) => {
          stream.resume();
          await rm(path, { force: true });
          throw error;
        });
      received.catch(() => undefined);
    });
    parser.on("error", (error: unknown) => reject(error instanceof Error ? new CsvFileError("MALFORMED_CSV", `The upload is not valid multipart data: ${error.message}`) : error));
    parser.on("close", () => {
      (received ?? Promise.resolve(null)).then(resolve, reject);
    });
    req.pipe(parser);
  });
}

async function handleUpload(req: Request, res: Response, services: Services, maxBytes: number): Promise<void> {
  const viewer = res.locals.viewer as Viewer | null;
  if (!viewer) {
    sendGraphQLError(res, 401, new UnauthenticatedError());
    return;
  }
  if (!viewer.has("crm") || !viewer.allowsScope("write")) {
    sendGraphQLError(res, 403, new ForbiddenError(viewer.has("crm") ? "Importing needs an API token with the WRITE scope" : "Importing needs the crm permission"));
    return;
  }
  if (!bearerSecret(req) && !CSRF_HEADERS.some((h) => (req.headers[h] ?? "") !== "")) {
    sendGraphQLError(res, 400, withReason(new UserInputError({}, `Uploads signed in with a cookie need one of the headers ${CSRF_HEADERS.join(", ")} (CSRF protection)`), "CSRF"));
    return;
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes + MULTIPART_SLACK) {
    const error = new CsvFileError("FILE_TOO_LARGE", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; split it into smaller files`);
    res.setHeader("Connection", "close");
    sendGraphQLError(res, error.httpStatus, withReason(fileError(error), error.code));
    req.resume();
    return;
  }
  let upload: { path: string; filename: string } | null = null;
  try {
    upload = await receiveFile(req, maxBytes);
    if (!upload) {
      throw new CsvFileError("NO_FILE", "Send the file as multipart/form-data in a part named \"file\"");
    }
    const created = await services.imports.upload(viewer, upload.filename, upload.path);
    upload = null; // the import owns the file now
    res.status(202).json({
      data: {
        csvImport: { id: toGlobalId("CsvImport", created.id), filename: created.filename, status: created.status, totalRows: created.totalRows, unmappedColumns: created.unmappedColumns ?? [] },
      },
    });
  } catch (error: unknown) {
    if (!(error instanceof CsvFileError)) {
      throw error;
    }
    if (error.code === "FILE_TOO_LARGE") {
      res.setHeader("Connection", "close");
    }
    sendGraphQLError(res, error.httpStatus, withReason(fileError(error), error.code));
  } finally {
    if (upload) {
      await rm(upload.path, { force: true });
    }
  }
}

/**
 * POST /api/imports (multipart, one part `file`; session cookie + a CSRF header, or a
 * Bearer token with WRITE scope; crm): 202 with the new import, whose rows validate in the
 * background; 4xx `BAD_USER_INPUT` with `extensions.reason` naming why a file cannot be
 * imported. GET /api/imports/template.csv: the template.
 */
export function mountImportRoutes(app: Express, services: Services, limits: RateLimits): void {
  app.get("/api/imports/template.csv", (_req, res) => {
    res.type("text/csv; charset=utf-8").attachment("plantilla-prospectos.csv").send(importTemplateCsv());
  });
  app.post("/api/imports", cookieParser(), authenticateGraphQL(services, limits), (req, res, next) => {
    handleUpload(req, res, services, services.imports.limits.maxBytes).catch(next);
  });
}
