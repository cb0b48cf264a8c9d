// An event-stream parser that follows the WHATWG rules ("Interpreting an event stream") and
// keeps what EventSource hides: every line as it came, comments, retry fields and the exact
// frame text. The /inspector page shows its records; the browser tests hold it to the same wire
// cases as SseParser and Chromium's EventSource.

export class SseFrameParser {
  constructor() {
    this.decoder = new TextDecoder("utf-8");
    this.pending = "";
    this.started = false;
    this.afterCarriageReturn = false;
    this.lastEventId = "";
    this.resetEvent();
  }

  resetEvent() {
    this.data = null;
    this.type = "";
    this.lines = [];
  }

  /** Feeds raw bytes (a Uint8Array chunk); returns the records completed by them. */
  pushBytes(chunk) {
    return this.push(this.decoder.decode(chunk, { stream: true }));
  }

  /** Feeds decoded text; returns the records completed by it. */
  push(text) {
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }

    // A CR ending the last chunk was taken as a line end at once; an LF opening this one is its other half.
    if (this.afterCarriageReturn && text.startsWith("\n")) text = text.slice(1);
    this.afterCarriageReturn = false;
    this.pending += text;
    const records = [];
    let start = 0;
    for (let i = 0; i < this.pending.length; i++) {
      const c = this.pending[i];
      if (c !== "\n" && c !== "\r") continue;
      if (c === "\r" && i === this.pending.length - 1) this.afterCarriageReturn = true;
      const ending = c === "\r" && this.pending[i + 1] === "\n" ? "\r\n" : c;
      this.line(this.pending.slice(start, i), ending, records);
      i += ending.length - 1;
      start = i + 1;
    }

    this.pending = this.pending.slice(start);
    return records;
  }

  /** The stream ended: an event without its blank line is dropped, as the spec says. */
  end() {
    const records = [];
    if (this.lines.length || this.pending.length) {
      records.push({ kind: "incomplete", raw: this.lines.join("") + this.pending });
    }

    this.pending = "";
    this.resetEvent();
    return records;
  }

  line(text, ending, records) {
    const raw = text + ending;
    if (text === "") {
      this.lines.push(raw);
      const frame = this.lines.join("");
      if (this.data === null) {
        // No data: nothing is dispatched, and the type is forgotten (the id is kept).
        records.push({ kind: "blank", raw: frame, lastEventId: this.lastEventId });
      } else {
        records.push({
          kind: "event",
          type: this.type || "message",
          data: this.data,
          lastEventId: this.lastEventId,
          raw: frame,
        });
      }

      this.resetEvent();
      return;
    }

    if (text.startsWith(":")) {
      records.push({ kind: "comment", text: text.slice(1).replace(/^ /, ""), raw });
      return;
    }

    this.lines.push(raw);
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "data":
        this.data = this.data === null ? value : `${this.data}\n${value}`;
        break;
      case "event":
        this.type = value;
        break;
      case "id":
        if (!value.includes("\0")) this.lastEventId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) records.push({ kind: "retry", ms: Number(value), raw });
        break;
      default:
        break;
    }
  }
}
