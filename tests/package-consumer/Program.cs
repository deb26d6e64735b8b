// A user's program on the XaiAot packages: its own schema compiled by XaiAot.Generators, and
// XaiChatClient answering from a recorded conversation (XaiAot.Recording). Published NativeAOT.
using System.Text.Json;
using Consumer.Pets;
using XaiAot;
using XaiAot.Chat;
using XaiAot.Recording;

if (args is not [string cassettePath])
{
    Console.Error.WriteLine("usage: Consumer CASSETTE (a recording of xai-grok-code-fast__simple.yaml's question)");
    return 2;
}

// 1. The generated types of pet.schema.json: an unknown member and an unknown enum value survive.
const string Json = """{"name":"Rex","species":"axolotl","age":3,"tags":["good","fluffy"],"chip":"985-112"}""";
Pet pet = JsonSerializer.Deserialize(Json, PetJsonContext.Default.Pet)!;
string written = JsonSerializer.Serialize(pet, PetJsonContext.Default.Pet);
bool known = pet.Species == Species.Dog || pet.Species == Species.Cat || pet.Species == Species.Parrot;
Console.WriteLine($"pet: {pet.Name}, {pet.Species.Value} (known species: {known}), {pet.Age} years, tags {string.Join('+', pet.Tags ?? [])}");
if (written != Json)
{
    Console.Error.WriteLine($"round trip changed the JSON:\n  read  {Json}\n  wrote {written}");
    return 1;
}

Console.WriteLine("pet: round trip exact");

// 2. The client over a recorded conversation: the real HTTP path, no network, no key.
using var http = new HttpClient(new CassetteReplayHandler(Cassette.Load(cassettePath)));
var client = new XaiChatClient(http, new XaiClientOptions { Retry = XaiRetryOptions.None });
ChatCompletion completion = await client.CompleteAsync(new ChatCompletionRequest
{
    Model = "grok-code-fast-1",
    Messages = [new SystemMessage { Content = "You are a helpful assistant" }, new UserMessage { Content = "Say hi in Portuguese" }],
    MaxTokens = 4000,
});
Console.WriteLine("answer: " + completion.Choices[0].Message.Content);
Console.WriteLine($"usage: {completion.Usage?.PromptTokens} prompt, {completion.Usage?.CompletionTokens} completion, {completion.Usage?.CompletionTokensDetails?.ReasoningTokens} reasoning tokens");
return 0;
