// Package console is the terminal channel behind `signpost chat`: a resident's conversation
// typed at a prompt, through the same engine, database and outbox as the real channels.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/channels"
)

// Sender writes replies to the terminal as an SMS user would see them: numbered choices.
type Sender struct {
	mu  sync.Mutex
	out io.Writer
}

var _ bot.Sender = (*Sender)(nil)

// NewSender returns a Sender writing to out.
func NewSender(out io.Writer) *Sender { return &Sender{out: out} }

// Send prints one message.
func (s *Sender) Send(_ context.Context, m bot.Outgoing) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := fmt.Fprintf(s.out, "%s\n\n", channels.PlainText(m.Text, m.Options)); err != nil {
		return "", err
	}
	return fmt.Sprintf("console-%d", m.OutboxID), nil
}

// Chat runs a conversation: each line typed is one inbound message; the replies are sent
// through the outbox as on every channel, then the next line is read.
type Chat struct {
	Engine     *bot.Engine
	Dispatcher *bot.Dispatcher
	Channel    string
	From       string
	In         io.Reader
	Out        io.Writer
	Prompt     string
}

// Run chats until the input ends or ctx is done.
func (c *Chat) Run(ctx context.Context) error {
	sc := bufio.NewScanner(c.In)
	sc.Buffer(make([]byte, 64*1024), 64*1024)
	for {
		if c.Prompt != "" {
			fmt.Fprint(c.Out, c.Prompt)
		}
		if !sc.Scan() {
			if err := sc.Err(); err != nil && !errors.Is(err, io.EOF) {
				return err
			}
			return nil
		}
		if ctx.Err() != nil {
			return nil
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if _, err := c.Engine.Handle(ctx, bot.Inbound{Channel: c.Channel, Address: c.From, Text: line}); err != nil {
			fmt.Fprintf(c.Out, "(Signpost could not handle that message: %v)\n", err)
			continue
		}
		// Send what was queued before reading on, so the conversation reads in order.
		for {
			n, err := c.Dispatcher.RunOnce(ctx)
			if err != nil {
				return err
			}
			if n == 0 {
				break
			}
		}
	}
}
