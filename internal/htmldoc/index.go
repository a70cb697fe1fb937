package htmldoc

import (
	"strconv"

	"golang.org/x/net/html"
)

// idAttr is the attribute that carries an element's index in document order
// through readability, which works on a copy of the document and strips
// classes: it lets the blocks of readability's output be traced back to the
// original elements, their classes and their place in the page.
const idAttr = "data-dyad-n"

// docIndex numbers the elements of a document in document order.
type docIndex struct {
	nodes []*html.Node // element by index
	end   []int        // end[i]: one past the index of the last element under nodes[i]
}

// indexDocument numbers every element of doc, setting idAttr on each (and
// replacing any the page carried itself). It walks without recursion, so
// deeply nested pages cost no stack.
func indexDocument(doc *html.Node) *docIndex {
	ix := &docIndex{}
	var open []int // indices of the elements on the path to cur
	cur := doc
	for cur != nil {
		if cur.Type == html.ElementNode {
			i := len(ix.nodes)
			ix.nodes = append(ix.nodes, cur)
			ix.end = append(ix.end, 0)
			setID(cur, i)
			open = append(open, i)
		}
		if cur.FirstChild != nil {
			cur = cur.FirstChild
			continue
		}
		for cur != nil {
			if cur.Type == html.ElementNode {
				ix.end[open[len(open)-1]] = len(ix.nodes)
				open = open[:len(open)-1]
			}
			if cur == doc {
				cur = nil
				break
			}
			if cur.NextSibling != nil {
				cur = cur.NextSibling
				break
			}
			cur = cur.Parent
		}
	}
	return ix
}

func setID(n *html.Node, i int) {
	v := strconv.Itoa(i)
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Key != idAttr {
			kept = append(kept, a)
		}
	}
	n.Attr = append(kept, html.Attribute{Key: idAttr, Val: v})
}

// id returns the index that n (an original element or a copy of one)
// carries, or -1.
func (ix *docIndex) id(n *html.Node) int {
	if n == nil || n.Type != html.ElementNode {
		return -1
	}
	for i := len(n.Attr) - 1; i >= 0; i-- {
		if n.Attr[i].Key == idAttr && n.Attr[i].Namespace == "" {
			v, err := strconv.Atoi(n.Attr[i].Val)
			if err != nil || v < 0 || v >= len(ix.nodes) {
				return -1
			}
			return v
		}
	}
	return -1
}

// contains reports whether element j lies under element i (or is i).
func (ix *docIndex) contains(i, j int) bool {
	return i <= j && j < ix.end[i]
}

// lca returns the deepest element that holds every element of ids, or -1
// when ids is empty.
func (ix *docIndex) lca(ids []int) int {
	if len(ids) == 0 {
		return -1
	}
	c := ids[0]
	for _, j := range ids[1:] {
		for !ix.contains(c, j) {
			p := ix.parent(c)
			if p < 0 {
				return c
			}
			c = p
		}
	}
	return c
}

// parent returns the index of the parent element of element i, or -1.
func (ix *docIndex) parent(i int) int {
	for p := ix.nodes[i].Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode {
			return ix.id(p)
		}
	}
	return -1
}
