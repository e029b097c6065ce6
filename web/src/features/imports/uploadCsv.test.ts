import { uploadCsv, UploadRefusedError } from "./uploadCsv";

/** jsdom's XMLHttpRequest would really send; this one records the request and answers as told. */
class FakeXhr extends EventTarget {
  static last: FakeXhr | null = null;
  readonly upload = new EventTarget();
  readonly headers: Record<string, string> = {};
  method = "";
  url = "";
  withCredentials = false;
  status = 0;
  responseText = "";
  body: FormData | null = null;
  constructor() {
    super();
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.dispatchEvent(new Event("abort"));
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.dispatchEvent(new Event("load"));
  }
}

const realXhr = window.XMLHttpRequest;
beforeEach(() => {
  window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
});
afterEach(() => {
  window.XMLHttpRequest = realXhr;
});

const file = () => new File(["name\nAna\n"], "leads.csv", { type: "text/csv" });

function lastXhr(): FakeXhr {
  if (!FakeXhr.last) {
    throw new Error("no request was sent");
  }
  return FakeXhr.last;
}

describe("uploadCsv", () => {
  it("should post the file as the multipart part `file` with the cookie and the CSRF header, reporting progress", async () => {
    const progress: Array<[number, number]> = [];
    const done = uploadCsv(file(), { onProgress: (loaded, total) => progress.push([loaded, total]) });
    const xhr = lastXhr();
    expect([xhr.method, xhr.url, xhr.withCredentials]).toEqual(["POST", "http://localhost/api/imports", true]);
    expect(xhr.headers["apollo-require-preflight"]).toBe("true");
    expect((xhr.body?.get("file") as File).name).toBe("leads.csv");

    xhr.upload.dispatchEvent(Object.assign(new Event("progress"), { lengthComputable: true, loaded: 10, total: 40 }));
    const created = { id: "Q3N2SW1wb3J0OjE=", filename: "leads.csv", status: "validating", totalRows: 1, unmappedColumns: [] };
    xhr.answer(202, { data: { csvImport: created } });
    await expect(done).resolves.toEqual(created);
    expect(progress).toEqual([[10, 40]]);
  });

  it("should reject with the server's reason and message when the file is refused", async () => {
    const done = uploadCsv(file());
    lastXhr().answer(413, { errors: [{ message: "The file is larger than 50 MB", extensions: { code: "BAD_USER_INPUT", reason: "FILE_TOO_LARGE" } }] });
    const error = await done.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(UploadRefusedError);
    expect(error).toMatchObject({ status: 413, code: "BAD_USER_INPUT", reason: "FILE_TOO_LARGE", message: "The file is larger than 50 MB" });
  });

  it("should reject with the status's code when the answer is not the API's JSON, and a TypeError when none arrives", async () => {
    const refused = uploadCsv(file());
    lastXhr().status = 401;
    lastXhr().dispatchEvent(new Event("load"));
    await expect(refused).rejects.toMatchObject({ code: "UNAUTHENTICATED", reason: null, serverMessage: null });

    // A proxy's own pages: its body limit is the file's size; a gateway error is the server's.
    const tooLarge = uploadCsv(file());
    lastXhr().status = 413;
    lastXhr().responseText = "<html><body>413 Request Entity Too Large</body></html>";
    lastXhr().dispatchEvent(new Event("load"));
    await expect(tooLarge).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR", reason: "FILE_TOO_LARGE", serverMessage: null });
    const gateway = uploadCsv(file());
    lastXhr().status = 502;
    lastXhr().responseText = "Bad Gateway";
    lastXhr().dispatchEvent(new Event("load"));
    await expect(gateway).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR", reason: null, serverMessage: null });

    const offline = uploadCsv(file());
    lastXhr().dispatchEvent(new Event("error"));
    await expect(offline).rejects.toBeInstanceOf(TypeError);
  });
});
