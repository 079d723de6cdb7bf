using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Persona.Core.Tests.Llm;

/// <summary>
/// Replays recorded HTTP exchanges in order: asserts each request's method, path and exact JSON body
/// (compared as JSON, so whitespace does not matter), then answers with the recorded response.
/// </summary>
internal sealed class RecordedHttpHandler : HttpMessageHandler
{
    private readonly Queue<RecordedExchange> _exchanges;

    public RecordedHttpHandler(params RecordedExchange[] exchanges) => _exchanges = new Queue<RecordedExchange>(exchanges);

    public int Remaining => _exchanges.Count;

    public List<string> RequestBodies { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Assert.True(_exchanges.Count > 0, $"unexpected request {request.Method} {request.RequestUri}");
        var exchange = _exchanges.Dequeue();
        Assert.Equal(exchange.Method, request.Method.Method);
        Assert.Equal(exchange.Path, request.RequestUri!.AbsolutePath);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        RequestBodies.Add(body ?? "");
        if (exchange.RequestJson is not null)
        {
            Assert.NotNull(body);
            var expected = JsonNode.Parse(exchange.RequestJson);
            var actual = JsonNode.Parse(body);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"request body differs.\nexpected: {expected!.ToJsonString()}\nactual:   {actual!.ToJsonString()}");
        }

        // Like a network response, the body is a forward-only stream (the OpenAI SDK treats a seekable one as buffered).
        var content = new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes(exchange.ResponseBody)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(exchange.ContentType) { CharSet = "utf-8" };
        return new HttpResponseMessage(exchange.Status) { Content = content };
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

internal sealed record RecordedExchange(string Method, string Path, string? RequestJson, string ResponseBody, HttpStatusCode Status = HttpStatusCode.OK, string ContentType = "application/json");
