// promql-parts: parses PromQL expressions with Prometheus' own parser and prints, for each, the
// series it selects (metric name and matcher labels) and the labels it groups or matches on.
// Input: a JSON array of expressions on stdin. Output: a JSON array of results, in the same order.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/promql/parser"
)

type selector struct {
	Metric string   `json:"metric"`
	Labels []string `json:"labels"`
}

type result struct {
	Error          string     `json:"error,omitempty"`
	Selectors      []selector `json:"selectors"`
	GroupingLabels []string   `json:"groupingLabels"`
}

func parts(p parser.Parser, expr string) result {
	out := result{Selectors: []selector{}, GroupingLabels: []string{}}
	node, err := p.ParseExpr(expr)
	if err != nil {
		out.Error = err.Error()
		return out
	}
	parser.Inspect(node, func(n parser.Node, _ []parser.Node) error {
		switch n := n.(type) {
		case *parser.VectorSelector:
			s := selector{Metric: n.Name, Labels: []string{}}
			for _, m := range n.LabelMatchers {
				if m.Name != labels.MetricName {
					s.Labels = append(s.Labels, m.Name)
				}
			}
			out.Selectors = append(out.Selectors, s)
		case *parser.AggregateExpr:
			out.GroupingLabels = append(out.GroupingLabels, n.Grouping...)
		case *parser.BinaryExpr:
			if n.VectorMatching != nil {
				out.GroupingLabels = append(out.GroupingLabels, n.VectorMatching.MatchingLabels...)
				out.GroupingLabels = append(out.GroupingLabels, n.VectorMatching.Include...)
			}
		}
		return nil
	})
	return out
}

func main() {
	var exprs []string
	if err := json.NewDecoder(os.Stdin).Decode(&exprs); err != nil {
		fmt.Fprintln(os.Stderr, "promql-parts: stdin must be a JSON array of strings:", err)
		os.Exit(2)
	}
	p := parser.NewParser(parser.Options{})
	results := make([]result, len(exprs))
	for i, expr := range exprs {
		results[i] = parts(p, expr)
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, "promql-parts:", err)
		os.Exit(1)
	}
}
