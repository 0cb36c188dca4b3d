// Server-Sent Events over fetch: EventSource cannot POST, so /api/chat is read as a byte stream and parsed
// here, following the WHATWG event-stream rules (https://html.spec.whatwg.org/multipage/server-sent-events.html).

/**
 * Returns a parser that turns byte chunks into events. Chunks may split anywhere: inside a line, between
 * "\r" and "\n", or inside a UTF-8 sequence. onEvent receives {event, data, id}: event defaults to "message",
 * data joins the event's data lines with "\n". Comments (":…") and unknown fields are ignored.
 * An event is dispatched on a blank line; at end() a last event not followed by a blank line is dispatched
 * too (the spec would drop it; losing a final "done" helps no one).
 */
export function createSseParser(onEvent) {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let atStart = true;
  let eventType = '';
  let dataLines = [];
  let lastId = '';

  function dispatch() {
    if (dataLines.length > 0) onEvent({ event: eventType || 'message', data: dataLines.join('\n'), id: lastId });
    eventType = '';
    dataLines = [];
  }

  function line(text) {
    if (text === '') { dispatch(); return; }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventType = value;
    else if (field === 'data') dataLines.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
  }

  function drain(final) {
    if (atStart && buffer.length > 0) {
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
      atStart = false;
    }
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (c === 10 /* \n */) {
        line(buffer.slice(start, i));
        start = i + 1;
      } else if (c === 13 /* \r */) {
        if (i + 1 === buffer.length && !final) break; // a "\n" may follow in the next chunk
        line(buffer.slice(start, i));
        if (buffer.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
    buffer = buffer.slice(start);
  }

  return {
    /** Feeds one chunk of bytes (Uint8Array) or already decoded text. */
    push(chunk) {
      buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      drain(false);
    },
    /** Ends the stream: flushes the decoder and dispatches what is complete. */
    end() {
      buffer += decoder.decode();
      drain(true);
      if (buffer.length > 0) { line(buffer); buffer = ''; }
      dispatch();
    },
  };
}

/**
 * Reads a fetch Response body as an event stream, calling onEvent for each event; resolves when the
 * stream ends, rejects when reading fails (including an abort).
 */
export async function readEventStream(response, onEvent) {
  const parser = createSseParser(onEvent);
  const reader = response.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.push(value);
  }
  parser.end();
}
