namespace Persona.Corpora;

public static partial class ModeCatalog
{
    /// <summary>Data analysis: datasets, statistics, columns and plots; precise, numeric.</summary>
    public static CorpusMode DataAnalysis => new(
        Name: "data-analysis",
        Openers: ["I have a dataset of {n} rows.", "Quick stats question.", "Working on the {dataset} data again.", ""],
        Sentences:
        [
            "The {column} column is heavily skewed, should I log-transform it before the {model}?",
            "What's the right test to compare {column} between the two {group}s?",
            "The correlation between {column} and {column2} is {corr}, but the scatter plot looks nonlinear.",
            "How do I handle the {pct} of missing values in {column}?",
            "I ran a {model} and the R² is {corr}; is that reasonable for {dataset} data?",
            "Should I aggregate by {grain} or keep the raw rows for the {chart}?",
            "The p-value is {pvalue} but the effect size looks tiny.",
            "Can you suggest a {chart} that shows {column} over time per {group}?",
            "There are outliers above the 99th percentile of {column}; trim or winsorize?",
            "I grouped by {group} and the mean {column} differs by {pct}.",
            "How many bins would make sense for a histogram of {column}?",
            "Is {model} overkill here, or would a simple {model2} do?",
            "The variance of {column2} doubles after {grain} aggregation, why?",
        ],
        Closers: ["", "Using pandas.", "In R if possible.", "Sample is small, so careful with significance.", "Happy to share the schema."],
        Slots: Slots(
            ("n", ["12,000", "3 million", "850", "45k", "200k", "1,500"]),
            ("dataset", ["sales", "survey", "sensor", "web analytics", "churn", "clinical trial"]),
            ("column", ["revenue", "session_length", "age", "order_value", "temperature", "response_time", "basket_size"]),
            ("column2", ["discount", "page_views", "income", "latency", "humidity", "tenure"]),
            ("model", ["linear regression", "random forest", "logistic regression", "mixed-effects model", "ARIMA model", "k-means"]),
            ("model2", ["t-test", "linear regression", "median split", "pivot table"]),
            ("group", ["cohort", "region", "treatment arm", "customer segment", "weekday"]),
            ("corr", ["0.42", "0.87", "-0.15", "0.03", "0.61"]),
            ("pct", ["18%", "4%", "30%", "0.5%", "11%"]),
            ("pvalue", ["0.03", "0.049", "0.0001", "0.12"]),
            ("grain", ["week", "month", "customer", "store", "hour"]),
            ("chart", ["box plot", "heatmap", "line chart", "violin plot", "stacked bar chart"])),
        Titles: ["Skewed revenue data", "Which statistical test", "Missing values", "Regression results", "Visualising cohorts"],
        AssistantReplies:
        [
            "With that skew a log transform is reasonable; check the residuals afterwards to confirm.",
            "A Mann-Whitney U test fits two independent groups when normality is doubtful.",
            "Multiple imputation is safer than dropping rows when the missingness is not random.",
        ],
        MinSentences: 2,
        MaxSentences: 4,
        LowercaseRate: 0.2,
        TypoRate: 0.01);
}
