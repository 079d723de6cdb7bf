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

        return new HttpResponseMessage(exchange.Status)
        {
            Content = new StringContent(exchange.ResponseBody, Encoding.UTF8, exchange.ContentType),
        };
    }
}

internal sealed record RecordedExchange(string Method, string Path, string? RequestJson, string ResponseBody, HttpStatusCode Status = HttpStatusCode.OK, string ContentType = "application/json");
