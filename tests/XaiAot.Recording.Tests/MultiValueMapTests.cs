using System;

namespace XaiAot.Recording.Tests;

public class MultiValueMapTests
{
    [Fact]
    public void Headers_keep_order_and_first_spelling_and_look_up_without_case()
    {
        var headers = new MultiValueMap();
        headers.Add("Content-Type", "application/json");
        headers.Add("X-Multi", "one");
        headers.Add("x-multi", "two");

        Assert.Equal(["Content-Type", "X-Multi"], headers.Names);
        Assert.Equal(["one", "two"], headers.GetValues("X-MULTI"));
        Assert.Equal("application/json", headers["content-type"]);
        Assert.Null(headers["Accept"]);
        Assert.Empty(headers.GetValues("Accept"));
        Assert.False(headers.TryGetValues("Accept", out _));
        Assert.Equal(2, headers.Count);
    }

    [Fact]
    public void Set_replaces_in_place_and_Remove_forgets()
    {
        var headers = new MultiValueMap();
        headers.Add("A", "1");
        headers.Add("B", "2");
        headers.Add("C", "3");

        headers.Set("b", ["two", "deux"]);
        Assert.True(headers.Remove("A"));
        Assert.False(headers.Remove("A"));

        Assert.Equal(["B", "C"], headers.Names);
        Assert.Equal(["two", "deux"], headers.GetValues("B"));
        Assert.False(headers.Contains("a"));
        headers.Clear();
        Assert.Equal(0, headers.Count);
    }

    [Fact]
    public void A_case_sensitive_map_keeps_names_apart()
    {
        var form = new MultiValueMap(StringComparer.Ordinal);
        form.Add("q", "lower");
        form.Add("Q", "upper");

        Assert.Equal(["lower"], form.GetValues("q"));
        Assert.Equal(["upper"], form.GetValues("Q"));
        Assert.Equal(2, form.Count);
    }

    [Fact]
    public void Reason_phrase_comes_from_the_status_text()
    {
        Assert.Equal("Too Many Requests", new RecordedResponse { Status = "429 Too Many Requests" }.ReasonPhrase);
        Assert.Equal("OK", new RecordedResponse { Status = "OK" }.ReasonPhrase);
        Assert.Null(new RecordedResponse { Status = "200" }.ReasonPhrase);
        Assert.Null(new RecordedResponse().ReasonPhrase);
    }
}
