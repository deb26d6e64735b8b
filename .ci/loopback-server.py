#!/usr/bin/env python3
"""A stand-in OpenAI-compatible server on 127.0.0.1 for CI: the published `xaiaot` binary is run
against it through XAI_BASE_URL. Answers POST /v1/chat/completions with a short SSE stream (and
checks the bearer key and the request shape) and GET /v1/models with a list. Prints its port, then
serves until killed; stops by itself after 10 minutes so it can never outlive CI."""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEY = "ci-loopback-key"


def chunk(delta, finish=None, usage=None, choices=True):
    body = {"id": "ci-1", "object": "chat.completion.chunk", "created": 1764633600, "model": "ci-model",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}] if choices else []}
    if usage:
        body["usage"] = usage
    return "data: " + json.dumps(body, ensure_ascii=False) + "\n\n"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, content_type, text):
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def authorized(self):
        if self.headers.get("Authorization") != "Bearer " + KEY:
            self.reply(401, "application/json", json.dumps({"error": {"message": "bad key", "type": "auth"}}))
            return False
        return True

    def do_GET(self):
        if self.path != "/v1/models":
            return self.reply(404, "application/json", '{"error":"no such path"}')
        if self.authorized():
            self.reply(200, "application/json", json.dumps({"object": "list", "data": [
                {"id": "ci-model", "object": "model", "created": 1, "owned_by": "ci"}]}))

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        if self.path != "/v1/chat/completions":
            return self.reply(404, "application/json", '{"error":"no such path"}')
        if not self.authorized():
            return
        question = body["messages"][-1]["content"]
        stream = (chunk({"role": "assistant", "reasoning_content": "Thinking about it."})
                  + chunk({"content": "You asked: "}) + chunk({"content": question})
                  + chunk({}, finish="stop")
                  + chunk({}, usage={"prompt_tokens": 7, "completion_tokens": 3, "total_tokens": 10}, choices=False)
                  + "data: [DONE]\n\n")
        self.reply(200, "text/event-stream", stream)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Timer(600, server.shutdown).start()
print(server.server_address[1], flush=True)
server.serve_forever()
sys.exit(0)
