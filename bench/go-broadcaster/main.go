// A minimal SSE broadcaster written the way a Go programmer would for this job, standard library
// only: one ticker topic, each event formatted once and handed to every client's buffered
// channel, one goroutine per client that writes and flushes each event. It is the yardstick
// bench/fanout.sh measures the feeds server against, so it sends the same wire shape
// (retry, then event: quote, data: {"topic":...,"ts":<unix ms>,...}) with a payload of similar size.
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand"
	"net/http"
	"sync"
	"time"
)

type broker struct {
	mu      sync.RWMutex
	clients map[chan []byte]struct{}
}

func (b *broker) add(ch chan []byte) {
	b.mu.Lock()
	b.clients[ch] = struct{}{}
	b.mu.Unlock()
}

func (b *broker) remove(ch chan []byte) {
	b.mu.Lock()
	delete(b.clients, ch)
	b.mu.Unlock()
}

// publish never blocks on a client: a client whose buffer is full misses the event, which
// FeedLoad counts as an id gap (the feeds server disconnects such a client instead).
func (b *broker) publish(frame []byte) {
	b.mu.RLock()
	for ch := range b.clients {
		select {
		case ch <- frame:
		default:
		}
	}
	b.mu.RUnlock()
}

func (b *broker) serve(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	ch := make(chan []byte, *buffer)
	b.add(ch)
	defer b.remove(ch)
	fmt.Fprint(w, "retry: 3000\n: feeds ticker\n\n")
	flusher.Flush()

	heartbeat := time.NewTicker(15 * time.Second)
	defer heartbeat.Stop()
	for {
		select {
		case frame := <-ch:
			if _, err := w.Write(frame); err != nil {
				return
			}
			flusher.Flush()
		case <-heartbeat.C:
			if _, err := w.Write([]byte(": heartbeat\n\n")); err != nil {
				return
			}
			flusher.Flush()
		case <-r.Context().Done():
			return
		}
	}
}

var buffer = flag.Int("buffer", 64, "events a client may have waiting")

func main() {
	addr := flag.String("addr", "127.0.0.1:5100", "listen address")
	interval := flag.Duration("interval", 100*time.Millisecond, "time between events; 0 publishes nothing (the idle-memory run)")
	topic := flag.String("topic", "ticker/ACME", "the topic named in each event's data")
	flag.Parse()

	b := &broker{clients: make(map[chan []byte]struct{})}
	go func() {
		if *interval <= 0 {
			return
		}
		// A random walk like the feeds server's quotes, so the data line is of similar size.
		last, volume := 100.0, int64(0)
		tick := time.NewTicker(*interval)
		defer tick.Stop()
		for id := int64(1); ; id++ {
			<-tick.C
			last += (rand.Float64() - 0.5) * 0.2
			volume += rand.Int63n(500)
			frame := fmt.Sprintf("event: quote\ndata: {\"topic\":%q,\"ts\":%d,\"symbol\":\"ACME\",\"last\":%.2f,\"bid\":%.2f,\"ask\":%.2f,\"open\":100.00,\"high\":%.2f,\"low\":%.2f,\"change\":%.2f,\"changePercent\":%.2f,\"volume\":%d}\nid: %d\n\n",
				*topic, time.Now().UnixMilli(), last, last-0.01, last+0.01, last+0.5, last-0.5, last-100, last-100, volume, id)
			b.publish([]byte(frame))
		}
	}()

	http.HandleFunc("/feeds/sse", b.serve)
	log.Printf("go-broadcaster on http://%s/feeds/sse, one event every %v", *addr, *interval)
	log.Fatal(http.ListenAndServe(*addr, nil))
}
