using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using XaiAot.Generators.Tests.Foreign.GitHub;
using XaiAot.Generators.Tests.Foreign.JsonFeed;
using XaiAot.Generators.Tests.Foreign.Kubernetes;
using XaiAot.Generators.Tests.Foreign.PetStore;
using XaiAot.Generators.Tests.Foreign.Shop;
using XaiAot.Generators.Tests.Foreign.ToolConfig;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests;

/// <summary>
/// Schemas written in the style of public API documents (a GitHub webhook, JSON Feed 1.1, a
/// Kubernetes Deployment, a 70-definition OpenAPI-flavoured payments API): generated through the
/// driver with only the expected diagnostics, compiled with zero warnings, and a sample document of
/// each round-tripped through the types compiled into this assembly.
/// </summary>
public sealed class ForeignSchemaTests
{
    [Theory]
    [InlineData("github-issues-event.schema.json", "XAOT0102:1")]
    [InlineData("jsonfeed.schema.json", "")]
    [InlineData("kubernetes-deployment.schema.json", "")]
    [InlineData("shop-openapi.schema.json", "XAOT0107:1")]
    [InlineData("toolconfig.schema.json", "")]
    [InlineData("petstore-openapi30.schema.json", "")]
    public void GeneratesWithOnlyTheExpectedDiagnosticsAndCompilesCleanly(string file, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(new SchemaFile(Path.Combine(GeneratorHarness.SourceDirectory(), "Foreign", file), ReadForeign(file), "Foreign.Api"));
        string actual = string.Join(" ", run.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + ":" + g.Count()));
        Assert.Equal(expected, actual);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        run.AssertCompiles();
    }

    [Fact]
    public void LargeOpenApiDocumentHasFiftyPlusDefinitions()
    {
        JsonNode schema = JsonNode.Parse(ReadForeign("shop-openapi.schema.json"))!;
        Assert.True(schema["definitions"]!.AsObject().Count >= 50);
        GeneratorRun run = GeneratorHarness.Run(ReadForeign("shop-openapi.schema.json"), "shop.schema.json");
        Assert.True(run.Sources.Count > 100);
    }

    [Fact]
    public void AnOpenApiDocumentCanBeUsedAsIs()
    {
        // The same 70 schemas as components of an OpenAPI 3.1 document, with paths around them.
        JsonNode definitions = JsonNode.Parse(ReadForeign("shop-openapi.schema.json").Replace("#/definitions/", "#/components/schemas/", StringComparison.Ordinal))!["definitions"]!;
        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "Shop", ["version"] = "1" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://api.example.com" }),
            ["paths"] = JsonNode.Parse("""{"/v1/orders/{id}": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}}}}}}"""),
            ["components"] = new JsonObject { ["schemas"] = definitions.DeepClone() },
        };
        GeneratorRun fromDocument = GeneratorHarness.Run(document.ToJsonString(), "shop.schema.json", "Shop.Api");
        GeneratorRun fromDefinitions = GeneratorHarness.Run(ReadForeign("shop-openapi.schema.json"), "shop.schema.json", "Shop.Api");
        Assert.Equal(fromDefinitions.Sources.Select(s => s.HintName), fromDocument.Sources.Select(s => s.HintName));
        Assert.DoesNotContain(fromDocument.Diagnostics, d => d.Id == "XAOT0102");
        Assert.Equal(fromDefinitions.Diagnostics.Select(d => d.Id), fromDocument.Diagnostics.Select(d => d.Id)); // the paths, info and servers around it add nothing
        Assert.Contains("\"#/components/schemas/Money/properties/currency/pattern\"", fromDocument.Source("Shop.Api.ShopJsonContext.Validation.g.cs"), StringComparison.Ordinal);
        fromDocument.AssertCompiles();
    }

    [Fact]
    public void GitHubWebhookPayloadRoundTrips()
    {
        IssuesEvent delivery = Json.RoundTrip(ReadForeign("github-issues-opened.json"), GithubIssuesEventJsonContext.Default.IssuesEvent);
        IssuesOpened opened = Assert.IsType<IssuesOpened>(delivery);
        Assert.Equal("opened", delivery.Action);
        Assert.Equal(444500041, opened.Issue.Id);
        Assert.Null(opened.Issue.Assignee);
        Assert.Null(opened.Issue.ClosedAt);
        Assert.Equal(IssueState.Open, opened.Issue.State);
        Assert.Equal(AuthorAssociation.Owner, opened.Issue.AuthorAssociation);
        Assert.Equal(1, opened.Issue.Reactions!.Plus1);
        Assert.Equal(0, opened.Issue.Reactions.Minus1);
        Assert.Equal("closed", opened.Issue.Milestone!.State.Value);
        Assert.True(opened.Repository.CreatedAt.IsString);
        Assert.Equal(1557933565, opened.Repository.PushedAt!.Value.AsInteger);
        Assert.Null(opened.Repository.License);
        Assert.Null(opened.Issue.Labels[0].Description);

        // additionalProperties: false everywhere in octokit's schemas: a new member is an error with its path.
        JsonNode node = JsonNode.Parse(ReadForeign("github-issues-opened.json"))!;
        node["issue"]!["user"]!["twitter_username"] = "x";
        string message = Json.ReadError(node.ToJsonString(), GithubIssuesEventJsonContext.Default.IssuesEvent);
        Assert.Contains("Unexpected member 'twitter_username'", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.issue.user.twitter_username", message, StringComparison.Ordinal);

        // An action the schema does not list yet is kept whole and written back, not an error.
        node = JsonNode.Parse(ReadForeign("github-issues-opened.json"))!;
        node["action"] = "transferred";
        IssuesEvent transferred = Json.RoundTrip(node.ToJsonString(), GithubIssuesEventJsonContext.Default.IssuesEvent);
        Assert.Equal("transferred", Assert.IsType<UnknownIssuesEvent>(transferred).Json.GetProperty("action").GetString());
    }

    [Fact]
    public void JsonFeedRoundTripsWithExtensions()
    {
        JSONFeed feed = Json.RoundTrip(ReadForeign("jsonfeed.json"), JsonFeedContext.Default.JSONFeed);
        Assert.Equal("My Example Feed", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal(new DateTimeOffset(2020, 8, 7, 11, 44, 36, TimeSpan.Zero), feed.Items[0].DatePublished!.Value.ToDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(-7), feed.Items[1].DateModified!.Value.ToDateTimeOffset().Offset);
        Assert.Equal(89970236, feed.Items[1].Attachments![0].SizeInBytes);
        Assert.Equal(5, feed.Items[1].PatternProperties!["_custom"].GetProperty("rating").GetInt32());
        Assert.False(feed.PatternProperties!["_blue_shed"].GetProperty("explicit").GetBoolean());
        Assert.Contains("'id'", Json.ReadError("""{"version": "v", "title": "t", "items": [{"url": "u"}]}""", JsonFeedContext.Default.JSONFeed), StringComparison.Ordinal);
    }

    [Fact]
    public void KubernetesDeploymentRoundTrips()
    {
        IoK8sApiAppsV1Deployment deployment = Json.RoundTrip(ReadForeign("kubernetes-deployment.json"), KubernetesContext.Default.IoK8sApiAppsV1Deployment);
        Assert.Equal("nginx", deployment.Metadata!.Labels!["app"]);
        Assert.Null(deployment.Metadata.DeletionTimestamp);
        Assert.Equal(3, deployment.Spec!.Replicas);
        IoK8sApiAppsV1DeploymentStrategyRollingUpdate rolling = deployment.Spec.Strategy!.RollingUpdate!;
        Assert.Equal("25%", rolling.MaxSurge!.Value.AsString);
        Assert.Equal(1, rolling.MaxUnavailable!.Value.AsInteger);
        IoK8sApiCoreV1Container container = deployment.Spec.Template.Spec!.Containers[0];
        Assert.Equal("500m", container.Resources!.Limits!["cpu"].AsString);
        Assert.Equal(0.25, container.Resources.Requests!["cpu"].AsNumber);
        Assert.Null(container.Env![1].Value);
        Assert.Equal("File", container.AdditionalProperties!["terminationMessagePolicy"].GetString());
        Assert.Equal(JsonValueKind.Object, deployment.Metadata.ManagedFields![0].FieldsV1!.Value.ValueKind);
        Assert.Equal("Available", deployment.Status!.Conditions![0].Type);

        string message = Json.ReadError(
            ReadForeign("kubernetes-deployment.json").Replace("\"containerPort\": 80", "\"containerPort\": \"80\"", StringComparison.Ordinal),
            KubernetesContext.Default.IoK8sApiAppsV1Deployment);
        Assert.Contains("Path: $.spec.template.spec.containers[0].ports[0].containerPort", message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenApiEventRoundTripsThroughDiscriminatorsAndExpandableMembers()
    {
        Event evt = Json.RoundTrip(ReadForeign("shop-event.json"), ShopContext.Default.Event);
        Order order = Assert.IsType<Order>(evt.Data.Object);
        Assert.Equal("order", evt.Data.Object.Object);
        Assert.Equal(OrderStatus.Complete, order.Status);
        Customer customer = order.Customer!.Value.AsCustomer;
        Assert.Equal("DE", customer.Address!.Country!.Value.Value);
        CardPaymentMethod card = Assert.IsType<CardPaymentMethod>(customer.DefaultPaymentMethod!.Value.AsPaymentMethod);
        Assert.Equal("4242", card.Card.Last4);
        Assert.Equal("card", card.Type);
        Assert.False(customer.TaxIds![0].Type.IsKnown);
        OrderLine line = order.LineItems.Data[0];
        Assert.Equal("prod_1", line.Product!.Value.AsString);
        Assert.Equal("T-shirt", line.Price!.Product.AsProduct.Name);
        Assert.Equal(2380, order.AmountTotal.Amount);
        PaymentIntent intent = order.Payment!.PaymentIntent!.Value.AsPaymentIntent;
        Assert.IsType<BankTransferInstructionsAction>(intent.NextAction);
        Assert.Equal(100, intent.Charges!.Data[0].Refunds!.Data[0].Amount);
        Assert.Equal(10.5, order.Discounts![0].Coupon.PercentOff);
        Assert.Equal("processing", evt.Data.PreviousAttributes!.Value.GetProperty("status").GetString());

        JsonNode node = JsonNode.Parse(ReadForeign("shop-event.json"))!;
        node["data"]!["object"]!["object"] = "payout";
        Event payoutEvent = Json.RoundTrip(node.ToJsonString(), ShopContext.Default.Event);
        Assert.Equal("payout", Assert.IsType<UnknownEventObject>(payoutEvent.Data.Object).Json.GetProperty("object").GetString());

        Assert.IsType<DeletedCustomer>(Json.RoundTrip("""{"id": "cus_1", "object": "customer", "deleted": true}""", ShopContext.Default.DeletedCustomer));
        Assert.False(Json.RoundTrip("""{"id": "cus_1", "object": "customer", "deleted": false}""", ShopContext.Default.DeletedCustomer).Deleted);
        Payout payout = Json.RoundTrip("""{"id": "po_1", "object": "payout", "amount": 1, "arrival_date": 2, "method": "standard", "status": "paid", "created": 3, "destination": {"id": "ba_1", "object": "bank_account", "last4": "6789", "country": "US", "status": "new"}}""", ShopContext.Default.Payout);
        Assert.IsType<BankAccount>(payout.Destination!.Value.AsPayoutDestinationObject);
        Json.RoundTrip("""{"id": "po_1", "object": "payout", "amount": 1, "arrival_date": 2, "method": "standard", "status": "paid", "created": 3, "destination": null}""", ShopContext.Default.Payout);
    }

    [Fact]
    public void SchemaStoreStyleDraft04DocumentRoundTrips()
    {
        ToolConfig config = Json.RoundTrip(ReadForeign("toolconfig.json"), ToolConfigContext.Default.ToolConfig);
        Assert.Equal("jest", config.Scripts!.PatternProperties!["test:unit"]);
        Assert.Equal(3, config.Scripts.PatternProperties.Count);
        Assert.Equal(JsonValueKind.Null, config.Env!.Value.ValueKind);
        Assert.Equal("2018-04-25 20:42:10", config.Updated!.Value.Text);
        Assert.Equal(new DateTimeOffset(2018, 4, 25, 20, 42, 10, TimeSpan.Zero), config.Updated.Value.ToDateTimeOffset());
        Assert.Equal("1.2.3", config.Version);
        Assert.Equal(JsonValueKind.Null, config.Overrides![0].Settings!.Value.ValueKind);
        Assert.Equal(2, config.Overrides[1].Settings!.Value.GetProperty("indent").GetInt32());
        Assert.Equal("hand", config.PatternProperties!["x-generated-by"].GetProperty("tool").GetString());
        Assert.Equal(JsonValueKind.Array, config.AdditionalProperties!["unknown"].ValueKind);

        // additionalProperties: false still rejects a member no pattern matches.
        string message = Json.ReadError("""{"scripts": {"Build": "x"}}""", ToolConfigContext.Default.ToolConfig);
        Assert.Contains("Unexpected member 'Build'", message, StringComparison.Ordinal);

        // Draft-04's boolean exclusiveMaximum makes maximum exclusive: 1 is out, 0.5 (above) and 0 are in.
        Assert.Empty(config.Validate());
        Assert.Empty((config with { Threshold = 0 }).Validate());
        var atBound = Assert.Single((config with { Threshold = 1 }).Validate());
        Assert.Equal("/threshold", atBound.InstanceLocation);
        Assert.Equal("#/properties/threshold/maximum", atBound.SchemaLocation);
    }

    [Fact]
    public void OpenApi30DocumentRoundTripsThroughMappingNullableAndScalarAllOf()
    {
        Store store = Json.RoundTrip(ReadForeign("petstore-store.json"), PetStoreContext.Default.Store);
        Cat cat = Assert.IsType<Cat>(store.Pets[0]);
        Assert.Null(cat.Indoor);
        Assert.Equal("2019-06-01T08:30:00.000+00:00", cat.Born!.Value.Text);
        Assert.Null(Assert.IsType<Dog>(store.Pets[1]).Owner);
        Owner owner = Assert.IsType<Dog>(store.Pets[2]).Owner!;
        Assert.Equal("vip", owner.Tag);
        Assert.Equal("blue", owner.Labels!.PatternProperties!["team"]);
        Assert.Equal(JsonValueKind.Null, owner.Extra!.Value.ValueKind);
        Assert.False(Assert.IsType<Dog>(store.Pets[2]).Bark!.Value.IsKnown);
        Assert.Equal(12.5, Assert.IsType<Lizard>(store.Pets[3]).LengthCm);
        Assert.Equal("gecko", Assert.IsType<Lizard>(store.Pets[3]).PetType);
        Assert.IsType<Lizard>(store.Pets[4]);
        Assert.Equal("parrot", Assert.IsType<UnknownPet>(store.Pets[5]).Json.GetProperty("pet_type").GetString());
        Assert.Equal(3, Assert.IsType<Fish>(store.Animals![0]).Fins);
        Assert.Equal("Nemo", Assert.IsType<Fish>(store.Animals[0]).Name);
        Assert.Equal(2, Assert.IsType<Bird>(store.Animals[1]).Wings);
        Assert.Equal("plain", Assert.IsType<UnknownAnimal>(store.Animals[2]).Json.GetProperty("name").GetString());
        Assert.Equal("snake", Assert.IsType<UnknownAnimal>(store.Animals[3]).Json.GetProperty("kind").GetString());
        Assert.Equal("2018-04-25 20:42:10", store.Opened!.Value.Text);
        Assert.Equal(4, store.Manager!.Extra!.Value.GetProperty("desk").GetInt32());
    }

    [Fact]
    public void TheOpenApi30DocumentInOpenApi31SpellingGivesTheSameTypes()
    {
        // 3.1 is JSON Schema 2020-12: type arrays with "null" for nullable, anyOf with null around a
        // $ref, numeric exclusiveMaximum.
        JsonNode document = JsonNode.Parse(ReadForeign("petstore-openapi30.schema.json"))!;
        document["openapi"] = "3.1.0";
        To31(document);
        GeneratorRun from31 = GeneratorHarness.Run(document.ToJsonString(), "petstore.schema.json", "Pets.V31");
        GeneratorRun from30 = GeneratorHarness.Run(ReadForeign("petstore-openapi30.schema.json"), "petstore.schema.json", "Pets.V31");
        Assert.Equal(from30.Sources.Select(s => s.HintName), from31.Sources.Select(s => s.HintName));
        Assert.Empty(from31.Diagnostics); // its constraints are enforced by Validate(), as in the 3.0 spelling
        Assert.Contains("DateTimeText? Born", from31.Source(".Cat.g.cs"), StringComparison.Ordinal);
        Assert.Contains("ns::Owner? Owner", from31.Source(".Dog.g.cs"), StringComparison.Ordinal);
        from31.AssertCompiles();

        static void To31(JsonNode? node)
        {
            if (node is JsonArray array)
            {
                foreach (JsonNode? item in array)
                {
                    To31(item);
                }
            }

            if (node is not JsonObject schema)
            {
                return;
            }

            foreach (JsonNode? child in schema.Select(member => member.Value).ToList())
            {
                To31(child);
            }

            if (schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
            {
                schema.Remove("nullable");
                if (schema["type"] is JsonValue type)
                {
                    schema["type"] = new JsonArray(type.GetValue<string>(), "null");
                }
                else if (schema["allOf"] is JsonArray allOf)
                {
                    schema.Remove("allOf");
                    allOf.Add((JsonNode)new JsonObject { ["type"] = "null" });
                    schema["anyOf"] = allOf;
                }
            }

            if (schema["exclusiveMaximum"] is JsonValue exclusive && exclusive.GetValueKind() == JsonValueKind.True)
            {
                schema["exclusiveMaximum"] = schema["maximum"]!.DeepClone();
                schema.Remove("maximum");
            }

            if (schema["exclusiveMinimum"] is JsonValue exclusiveMinimum && exclusiveMinimum.GetValueKind() == JsonValueKind.True)
            {
                schema["exclusiveMinimum"] = schema["minimum"]!.DeepClone();
                schema.Remove("minimum");
            }
        }
    }

    [Fact]
    public void ThisProjectsOwnSchemaGeneratesCleanly()
    {
        string path = Path.Combine(GeneratorHarness.SourceDirectory(), "..", "..", "schema", "xai-chat.schema.json");
        GeneratorRun run = GeneratorHarness.Run(new SchemaFile(path, System.IO.File.ReadAllText(path), "XaiAot", "XaiChatJsonContext"));
        run.AssertClean();
        Assert.Contains(run.Sources, s => s.HintName == "XaiAot.XaiChatJsonContext.ChatCompletionChunk.g.cs");
    }

    private static string ReadForeign(string file) => System.IO.File.ReadAllText(Path.Combine(GeneratorHarness.SourceDirectory(), "Foreign", file));
}
