#pragma once

class QObject;
class QTcpSocket;

// Keeps a TCP connection open after Qt lets go of its socket, so that the
// last words written to it (a WebSocket close frame, an HTTP refusal) reach
// the peer instead of being cut off. Qt closes its descriptor as soon as its
// own buffer is written; if the peer's data is still arriving then (the rest
// of a message or a body the server will not read), the kernel answers with
// a reset, and a peer that has not read those last words yet loses them: a
// WebSocket peer sees 1006 instead of the code it was sent, an HTTP client a
// reset instead of its 401 or 413.
//
// Contract: hold() takes a second descriptor of a connected socket. Once Qt
// is done with the socket (disconnected or destroyed), that descriptor reads
// and drops whatever the peer still sends and closes when the peer has
// closed its side, or after lingerMs at the latest; nothing the peer sends
// is kept. It closes at once when `owner` is destroyed (a server shut down
// ends every connection it held). On platforms without descriptors it does
// nothing.
class GatewaySocketLinger
{
public:
    enum class Mode {
        // Sends nothing more and waits for the peer to close first: a
        // WebSocket peer reads the close frame, answers it and closes, so
        // the end of the connection never overtakes the close frame.
        UntilPeerCloses,
        // Half-closes at once (the end follows the last byte written) and
        // drains until the peer closes: an HTTP client reads its answer and
        // sees the connection end promptly.
        HalfCloseAtOnce,
    };

    static constexpr int kDefaultLingerMs = 2000;

    // `owner` outlives the linger's helpers (they are its children).
    static void hold(QObject *owner, QTcpSocket *socket, Mode mode, int lingerMs = kDefaultLingerMs);
};
